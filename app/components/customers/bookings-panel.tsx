import { CalendarClock } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { TCustomerBookingSummary } from "#server/customers/customers.types";
import { Badge, Card, CardContent, CardHeader, CardTitle, type BadgeVariant } from "~/components/ui";
import { formatCents } from "#server/money/money";
import { dateFormatter } from "./customer-format";

const STATUS_VARIANT: Record<string, BadgeVariant> = {
  REQUESTED: "info",
  CONFIRMED: "brand",
  IN_PROGRESS: "brand",
  COMPLETED: "success",
  CANCELLED: "neutral",
  NO_SHOW: "warning",
  HELD: "neutral",
};

/** Visits at a glance (done, coming, missed, spent) and the latest jobs. */
export function BookingsPanel({ summary, locale, timeZone }: { summary: TCustomerBookingSummary; locale: "en" | "es"; timeZone: string }) {
  const { t } = useTranslation("customers");
  const date = dateFormatter(locale, timeZone, true);
  const facts = [
    { label: t("bookings.completed"), value: String(summary.completed) },
    { label: t("bookings.upcoming"), value: String(summary.upcoming) },
    { label: t("bookings.missed"), value: String(summary.missed) },
    { label: t("bookings.spent"), value: formatCents(summary.completedCents, locale) },
  ];
  return (
    <Card>
      <CardHeader className="pb-3 sm:pb-4">
        <CardTitle as="h2">{t("bookings.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid grid-cols-2 gap-2">
          {facts.map((f) => (
            <div key={f.label} className="rounded-lg bg-slate-50 px-3 py-2">
              <dt className="text-xs font-medium text-slate-600">{f.label}</dt>
              <dd className="text-lg font-semibold tabular-nums text-slate-900">{f.value}</dd>
            </div>
          ))}
        </dl>
        {summary.recent.length ? (
          <ul className="divide-y divide-slate-100">
            {summary.recent.map((b) => (
              <li key={b.id} className="flex items-start justify-between gap-3 py-2.5 text-sm">
                <div className="min-w-0">
                  <p className="truncate font-medium text-slate-900">{b.service[locale]}</p>
                  <p className="text-slate-600">{date(b.startsAt)}</p>
                </div>
                <div className="flex shrink-0 flex-col items-end gap-1">
                  <Badge variant={STATUS_VARIANT[b.status] ?? "neutral"}>{t(`bookings.status.${b.status}`)}</Badge>
                  <span className="tabular-nums text-slate-600">{formatCents(b.priceCents, locale)}</span>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="flex items-center gap-2 text-sm text-slate-600">
            <CalendarClock aria-hidden className="size-4" /> {t("bookings.none")}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
