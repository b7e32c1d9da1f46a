import { Clock } from "lucide-react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { toggleChoice, type quote, type TOptionSelection } from "#server/catalog/options";
import { Alert, Button, cn } from "~/components/ui";
import { formatCents } from "#server/money/money";
import { langOf } from "./booking-flow-state";
import type { BookableService, BookingPageView } from "./booking-types";

/** Step 1: the service and its options, with the running total. */
export function ServiceStep({
  page,
  service,
  selection,
  onService,
  onSelection,
  priced,
  onContinue,
}: {
  page: BookingPageView;
  service: BookableService | null;
  selection: TOptionSelection;
  onService: (s: BookableService) => void;
  onSelection: (s: TOptionSelection) => void;
  priced: ReturnType<typeof quote> | null;
  onContinue: () => void;
}) {
  const { t, i18n } = useTranslation("booking");
  const locale = langOf(i18n.language);
  const { site } = page;
  if (!page.services.length) return <Alert variant="info" description={t("service.none")} />;
  const money = (cents: number) => formatCents(cents, locale);

  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="mb-3 text-lg font-semibold text-slate-900">{t("service.choose")}</legend>
        <div className="grid grid-flow-row-dense gap-3 sm:grid-cols-2">
          {page.services.map((s) => {
            const checked = s.id === service?.id;
            return (
              <Fragment key={s.id}>
                <label
                  className={cn(
                    "relative flex cursor-pointer flex-col rounded-2xl border bg-white p-4 shadow-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
                    checked ? "border-[var(--brand)] ring-1 ring-[var(--brand)]" : "border-slate-200 hover:border-slate-400",
                  )}
                >
                  <input type="radio" name="service" value={s.id} checked={checked} onChange={() => onService(s)} className="sr-only" />
                  <span className="flex items-start justify-between gap-3">
                    <span className="font-semibold text-slate-900">{s.name}</span>
                    {site.showPrices ? (
                      <span className="shrink-0 font-semibold tabular-nums text-slate-900">{money(s.priceCents)}</span>
                    ) : null}
                  </span>
                  {s.description ? <span className="mt-1 text-sm text-slate-600">{s.description}</span> : null}
                  <span className="mt-2 inline-flex items-center gap-1 text-sm text-slate-600">
                    <Clock aria-hidden className="size-4" /> {t("service.minutes", { count: s.durationMinutes })}
                  </span>
                </label>
                {checked && s.optionGroups.length ? (
                  <OptionsPanel service={s} selection={selection} onSelection={onSelection} showPrices={site.showPrices} />
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </fieldset>

      {service && priced ? (
        <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_rgba(15,23,42,0.06)] backdrop-blur sm:bottom-4 sm:mx-0 sm:rounded-2xl sm:border sm:p-4 sm:shadow-lg">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
            <div className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-3 gap-y-0.5" aria-live="polite">
              {site.showPrices ? (
                <p className="whitespace-nowrap text-lg font-bold tabular-nums text-slate-900">
                  {t("service.total")}: {money(priced.priceCents)}
                </p>
              ) : null}
              <p className="whitespace-nowrap text-sm text-slate-600">{t("service.duration", { count: priced.durationMinutes })}</p>
              {priced.depositCents > 0 ? (
                <p className="w-full text-sm font-medium text-amber-800">{t("service.deposit", { amount: money(priced.depositCents) })}</p>
              ) : null}
            </div>
            <Button type="button" size="lg" onClick={onContinue} className="w-full shrink-0 bg-[var(--brand)] hover:opacity-90 sm:w-auto">
              {t("service.continue")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** The chosen service's options (SINGLE groups as radios, MULTI as checkboxes), right under its card. */
function OptionsPanel({
  service,
  selection,
  onSelection,
  showPrices,
}: {
  service: BookableService;
  selection: TOptionSelection;
  onSelection: (s: TOptionSelection) => void;
  showPrices: boolean;
}) {
  const { t, i18n } = useTranslation("booking");
  const locale = langOf(i18n.language);
  const money = (cents: number) => formatCents(cents, locale);
  const delta = (cents: number) =>
    cents > 0 ? t("service.plusPrice", { price: money(cents) }) : cents < 0 ? t("service.minusPrice", { price: money(-cents) }) : null;
  return (
    <div className="space-y-5 rounded-2xl border border-slate-200 bg-white p-4 sm:col-span-2">
      <p className="font-semibold text-slate-900">{t("service.options")}</p>
      {service.optionGroups.map((g) => (
        <fieldset key={g.key}>
          <legend className="mb-2 text-sm font-medium text-slate-700">{g.name[locale]}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {g.choices.map((c) => {
              const picked = (selection[g.key] ?? []).includes(c.key);
              const extra = [
                showPrices ? delta(c.priceDeltaCents) : null,
                c.durationDeltaMinutes > 0 ? t("service.plusMinutes", { count: c.durationDeltaMinutes }) : null,
              ]
                .filter(Boolean)
                .join(" · ");
              return (
                <label
                  key={c.key}
                  className={cn(
                    "flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border px-3 py-2 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
                    picked ? "border-[var(--brand)] bg-slate-50" : "border-slate-200 bg-white hover:border-slate-400",
                  )}
                >
                  <input
                    type={g.kind === "SINGLE" ? "radio" : "checkbox"}
                    name={`option-${g.key}`}
                    value={c.key}
                    checked={picked}
                    onChange={(e) => onSelection(toggleChoice(selection, g, c.key, e.target.checked))}
                    className="size-5 shrink-0 accent-[var(--brand)]"
                  />
                  <span className="flex-1 text-slate-900">{c.name[locale]}</span>
                  {extra ? <span className="text-sm tabular-nums text-slate-600">{extra}</span> : null}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

/** What is being booked, with a way back to change it. */
