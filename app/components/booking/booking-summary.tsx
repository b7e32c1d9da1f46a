import { useTranslation } from "react-i18next";
import type { TOptionSelection } from "#server/catalog/options";
import { Button } from "~/components/ui";
import { formatCents } from "#server/money/money";
import { langOf } from "./booking-flow-state";
import { Panel } from "./booking-shell";
import type { BookableService, BookingPageView } from "./booking-types";

/** What is being booked, with a way back to change it. */
export function Summary({
  page,
  service,
  selection,
  priced,
  when,
  onChangeService,
}: {
  page: BookingPageView;
  service: BookableService;
  selection: TOptionSelection;
  priced: { priceCents: number; depositCents: number; durationMinutes: number } | null;
  when?: string;
  onChangeService?: () => void;
}) {
  const { t, i18n } = useTranslation("booking");
  const locale = langOf(i18n.language);
  const { site } = page;
  const options = service.optionGroups.flatMap((g) =>
    g.choices.filter((c) => (selection[g.key] ?? []).includes(c.key)).map((c) => c.name[locale]),
  );
  return (
    <Panel className="!p-4">
      <dl className="grid grid-cols-[auto,1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-600">{t("summary.service")}</dt>
        <dd className="font-medium text-slate-900">
          {service.name}
          {options.length ? <span className="block font-normal text-slate-600">{options.join(", ")}</span> : null}
        </dd>
        {when ? (
          <>
            <dt className="text-slate-600">{t("summary.when")}</dt>
            <dd className="font-medium text-slate-900">{when}</dd>
          </>
        ) : null}
        {priced ? (
          <>
            <dt className="text-slate-600">{t("summary.duration")}</dt>
            <dd className="text-slate-900">{t("service.minutes", { count: priced.durationMinutes })}</dd>
          </>
        ) : null}
        {priced && site.showPrices ? (
          <>
            <dt className="text-slate-600">{t("summary.price")}</dt>
            <dd className="font-medium tabular-nums text-slate-900">{formatCents(priced.priceCents, locale)}</dd>
          </>
        ) : null}
        {priced && priced.depositCents > 0 ? (
          <>
            <dt className="text-slate-600">{t("summary.deposit")}</dt>
            <dd className="tabular-nums text-slate-900">{formatCents(priced.depositCents, locale)}</dd>
          </>
        ) : null}
        {site.serviceAreaNote ? (
          <>
            <dt className="text-slate-600">{t("summary.where")}</dt>
            <dd className="text-slate-900">{site.serviceAreaNote}</dd>
          </>
        ) : null}
      </dl>
      {onChangeService ? (
        <Button type="button" variant="link" size="sm" onClick={onChangeService} className="mt-2 !px-0">
          {t("time.change")}
        </Button>
      ) : null}
    </Panel>
  );
}
