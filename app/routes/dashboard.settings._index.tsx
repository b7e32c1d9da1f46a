import { Link, useRouteLoaderData } from "@remix-run/react";
import { Bot, CalendarClock, CalendarSync, ChevronRight, Clock, CreditCard, Gift, Globe, Mail, Phone } from "lucide-react";
import { useTranslation } from "react-i18next";
import { SimpleModeNote } from "~/components/simple-mode-note";
import { PageHeader } from "~/components/ui";
import { settingsPages, type SettingsPage } from "~/lib/settings-pages";
import type { loader as dashboardLoader } from "./dashboard";

const ICONS: Record<SettingsPage["key"], typeof Clock> = {
  HOURS: Clock,
  BOOKING: CalendarClock,
  CALENDAR: CalendarSync,
  SITE: Globe,
  PHONE: Phone,
  AI: Bot,
  LOYALTY: Gift,
  EMAIL: Mail,
  BILLING: CreditCard,
};

export default function SettingsIndex() {
  const { t } = useTranslation("settings");
  const mode = useRouteLoaderData<typeof dashboardLoader>("routes/dashboard")?.user.dashboardMode ?? "SIMPLE";
  const { pages, hidden } = settingsPages(mode);
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-2xl border border-slate-200 bg-white">
        {pages.map(({ slug, key, to }) => {
          const Icon = ICONS[key];
          return (
            <li key={slug}>
              <Link
                to={to ?? `/dashboard/settings/${slug}`}
                className="flex min-h-16 items-center gap-4 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none"
              >
                <span className="flex size-10 items-center justify-center rounded-lg bg-brand-50 text-brand-700">
                  <Icon aria-hidden className="size-5" />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block font-medium">{t(`nodes.${key}.title`)}</span>
                  <span className="block text-sm text-slate-600">{t(`nodes.${key}.description`)}</span>
                </span>
                <ChevronRight aria-hidden className="size-5 text-slate-400" />
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="mt-4">
        <SimpleModeNote hidden={{ count: hidden, changed: 0 }} what="pages" />
      </div>
    </div>
  );
}
