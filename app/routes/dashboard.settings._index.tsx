import { Link } from "@remix-run/react";
import { Bot, CalendarClock, CalendarSync, ChevronRight, Clock, CreditCard, Gift, Globe, Mail, Phone } from "lucide-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/ui";

const NODES = [
  { slug: "hours", key: "HOURS", icon: Clock },
  { slug: "booking", key: "BOOKING", icon: CalendarClock },
  // Not a config node: the Google Calendar connections have their own page.
  { slug: "calendar", key: "CALENDAR", icon: CalendarSync, to: "/dashboard/calendar" },
  { slug: "site", key: "SITE", icon: Globe },
  { slug: "phone", key: "PHONE", icon: Phone },
  { slug: "ai", key: "AI", icon: Bot },
  { slug: "loyalty", key: "LOYALTY", icon: Gift },
  { slug: "email", key: "EMAIL", icon: Mail },
  { slug: "billing", key: "BILLING", icon: CreditCard },
] as const;

export default function SettingsIndex() {
  const { t } = useTranslation("settings");
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-2xl border border-slate-200 bg-white">
        {NODES.map(({ slug, key, icon: Icon, ...rest }) => (
          <li key={slug}>
            <Link
              to={"to" in rest ? rest.to : `/dashboard/settings/${slug}`}
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
        ))}
      </ul>
    </div>
  );
}
