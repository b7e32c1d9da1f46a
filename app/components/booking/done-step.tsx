import { CalendarCheck, CalendarClock } from "lucide-react";
import { useTranslation } from "react-i18next";
import { quote, type TOptionSelection } from "#server/catalog/options";
import type { TLocale } from "#server/i18n/localized-text";
import type { Confirmed } from "./booking-flow-state";
import { formatInZone, Panel } from "./booking-shell";
import { Summary } from "./booking-summary";
import type { BookableService, BookingPageView } from "./booking-types";

/** The last step: what was booked, how the customer hears about it, and the manage link. */
export function DoneStep({
  page,
  service,
  selection,
  confirmed,
  locale,
}: {
  page: BookingPageView;
  service: BookableService;
  selection: TOptionSelection;
  confirmed: Confirmed;
  locale: TLocale;
}) {
  const { t } = useTranslation("booking");
  const { site } = page;
  const when = formatInZone(confirmed.startsAt, locale, site.timeZone);
  const priced = { ...confirmed, durationMinutes: quoteMinutes(service, selection) };
  return (
    <div className="space-y-4">
      <div role="status" className="flex items-start gap-3 rounded-2xl border border-emerald-200 bg-emerald-50 p-4 text-emerald-950">
        {confirmed.status === "REQUESTED" ? (
          <CalendarClock aria-hidden className="mt-0.5 size-6 shrink-0" />
        ) : (
          <CalendarCheck aria-hidden className="mt-0.5 size-6 shrink-0" />
        )}
        <div className="space-y-1">
          <p className="font-semibold">
            {confirmed.status === "REQUESTED"
              ? t("done.bodyRequested", { business: site.name })
              : t("done.body", { business: site.name, when })}
          </p>
          {confirmed.smsConsent ? <p className="text-sm">{t("done.sms", { phone: confirmed.phone })}</p> : null}
          {confirmed.email ? <p className="text-sm">{t("done.email", { email: confirmed.email })}</p> : null}
        </div>
      </div>
      <Summary page={page} service={service} selection={selection} priced={priced} when={when} />
      <Panel title={t("done.manage")} titleId="manage-h">
        <a
          href={confirmed.managePath}
          className="inline-flex min-h-12 w-full items-center justify-center rounded-lg border border-slate-300 bg-white px-5 font-semibold text-slate-900 shadow-sm hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 sm:w-auto"
        >
          {t("done.manageCta")}
        </a>
        <p className="mt-2 text-sm text-slate-600">{t("done.manageHint")}</p>
      </Panel>
      <a href={`${site.basePath}/book`} className="inline-block min-h-11 py-2 font-medium text-slate-700 underline underline-offset-4">
        {t("done.again")}
      </a>
    </div>
  );
}

function quoteMinutes(service: BookableService, selection: TOptionSelection): number {
  try {
    return quote(service, selection).durationMinutes;
  } catch {
    return service.durationMinutes;
  }
}
