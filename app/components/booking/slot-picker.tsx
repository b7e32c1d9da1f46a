import { ChevronLeft, ChevronRight, Globe } from "lucide-react";
import { DateTime } from "luxon";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TOptionSelection } from "#server/catalog/options";
import { Alert, Button, cn, Spinner } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { zoneLabel } from "./booking-shell";
import { slotTimeLabels } from "./slot-labels";
import { hasLaterWindow, WINDOW_DAYS } from "./slot-window";

export interface PickedSlot {
  startsAt: string;
  endsAt: string;
  time: string;
}

interface SlotDay {
  date: string;
  slots: PickedSlot[];
}

/**
 * A strip of dates and the open start times of the chosen day, in the business's time zone
 * (said above the strip, with its abbreviation on the chosen date). Reads `scheduling.slots`,
 * two weeks at a time, as far as the booking horizon goes.
 */
export function SlotPicker({
  slug,
  serviceId,
  selection,
  timeZone,
  onPick,
  pendingStartsAt,
  reloadKey = 0,
  excludeStartsAt,
}: {
  slug: string;
  serviceId: string;
  selection?: TOptionSelection;
  timeZone: string;
  onPick: (slot: PickedSlot) => void;
  /** The slot being held right now (its button shows a spinner). */
  pendingStartsAt?: string | null;
  /** Bump to load the slots again (after a hold ran out or the time was taken). */
  reloadKey?: number;
  /** A start not to offer (the booking's own time when rescheduling). */
  excludeStartsAt?: string;
}) {
  const { t, i18n } = useTranslation("booking");
  const locale = i18n.language?.startsWith("es") ? "es" : "en";
  const [page, setPage] = useState(0);
  const [state, setState] = useState<{ status: "loading" } | { status: "error" } | { status: "ready"; days: SlotDay[] }>({
    status: "loading",
  });
  const [selectedDate, setSelectedDate] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  /** The booking horizon's last local date, from the latest slots answer. */
  const [lastDate, setLastDate] = useState<string | null>(null);
  const selectionKey = JSON.stringify(selection ?? {});

  const from = useMemo(
    () =>
      DateTime.now()
        .setZone(timeZone)
        .startOf("day")
        .plus({ days: page * WINDOW_DAYS }),
    [timeZone, page],
  );

  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    trpc.scheduling.slots
      .query({
        tenantSlug: slug,
        serviceId,
        selection: JSON.parse(selectionKey) as TOptionSelection,
        fromDate: from.toISODate()!,
        toDate: from.plus({ days: WINDOW_DAYS - 1 }).toISODate()!,
      })
      .then((res) => {
        if (!live) return;
        setLastDate(res.lastDate);
        const days = res.days.map((d) => ({ date: d.date, slots: d.slots.filter((s) => s.startsAt !== excludeStartsAt) }));
        setState({ status: "ready", days });
        setSelectedDate((current) =>
          current && days.some((d) => d.date === current && d.slots.length) ? current : (days.find((d) => d.slots.length)?.date ?? null),
        );
      })
      .catch(() => live && setState({ status: "error" }));
    return () => {
      live = false;
    };
  }, [slug, serviceId, selectionKey, from, reloadKey, attempt, excludeStartsAt]);

  const { zone, abbr } = zoneLabel(timeZone, locale, selectedDate ?? from.toISODate()!);
  const lang = locale === "es" ? "es-US" : "en-US";
  const days = state.status === "ready" ? state.days : [];
  const day = days.find((d) => d.date === selectedDate);
  const anyOpen = days.some((d) => d.slots.length > 0);
  const labels = day ? slotTimeLabels(day.slots, timeZone, locale) : [];

  return (
    <div className="space-y-4">
      <p className="flex items-start gap-2 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
        <Globe aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span>{t("time.zone", { zone, abbr })}</span>
      </p>

      <div className="flex items-center gap-1">
        <Button
          type="button"
          variant="ghost"
          size="icon"
          onClick={() => setPage((p) => Math.max(0, p - 1))}
          disabled={page === 0}
          aria-label={t("time.earlier")}
        >
          <ChevronLeft />
        </Button>
        <div role="group" aria-label={t("time.dates")} className="-my-1 flex min-w-0 flex-1 snap-x gap-2 overflow-x-auto py-1">
          {Array.from({ length: WINDOW_DAYS }, (_, i) => from.plus({ days: i })).map((d) => {
            const iso = d.toISODate()!;
            const info = days.find((x) => x.date === iso);
            const open = Boolean(info?.slots.length);
            const selected = iso === selectedDate;
            const js = new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
            return (
              <button
                key={iso}
                type="button"
                disabled={!open}
                aria-pressed={selected}
                onClick={() => setSelectedDate(iso)}
                className={cn(
                  "relative flex min-h-[4.5rem] w-14 shrink-0 snap-start flex-col items-center justify-center rounded-xl border text-sm",
                  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-1",
                  selected
                    ? "border-transparent bg-[var(--brand)] text-white shadow"
                    : open
                      ? "border-slate-300 bg-white text-slate-900 hover:border-slate-500"
                      : "cursor-not-allowed border-slate-200 bg-slate-50 text-slate-400",
                )}
              >
                <span aria-hidden className="text-xs uppercase">
                  {new Intl.DateTimeFormat(lang, { timeZone: "UTC", weekday: "short" }).format(js).replace(".", "")}
                </span>
                <span aria-hidden className="text-lg font-semibold leading-tight tabular-nums">
                  {d.day}
                </span>
                <span aria-hidden className="text-[11px] uppercase">
                  {new Intl.DateTimeFormat(lang, { timeZone: "UTC", month: "short" }).format(js).replace(".", "")}
                </span>
                <span className="sr-only">
                  {new Intl.DateTimeFormat(lang, { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" }).format(js)}
                </span>
              </button>
            );
          })}
        </div>
        <Button
          type="button"
          variant="ghost"
          size="icon"
          onClick={() => setPage((p) => p + 1)}
          disabled={!hasLaterWindow(from.toISODate()!, lastDate)}
          aria-label={t("time.later")}
        >
          <ChevronRight />
        </Button>
      </div>

      <div aria-live="polite">
        {state.status === "loading" ? (
          <p className="flex items-center gap-2 py-6 text-slate-600">
            <Spinner /> {t("time.loading")}
          </p>
        ) : state.status === "error" ? (
          <Alert
            variant="danger"
            description={t("time.error")}
            action={
              <Button type="button" variant="outline" size="sm" onClick={() => setAttempt((a) => a + 1)}>
                {t("time.retry")}
              </Button>
            }
          />
        ) : !anyOpen ? (
          <p className="py-6 text-slate-700">{t("time.noDays")}</p>
        ) : day ? (
          <div>
            <h3 className="mb-3 font-medium text-slate-900">
              {t("time.slotsFor", {
                date: new Intl.DateTimeFormat(lang, { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" }).format(
                  new Date(`${day.date}T12:00:00Z`),
                ),
              })}
            </h3>
            {day.slots.length ? (
              <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
                {day.slots.map((s, i) => (
                  <li key={s.startsAt}>
                    <button
                      type="button"
                      onClick={() => onPick(s)}
                      disabled={Boolean(pendingStartsAt)}
                      className={cn(
                        "flex h-12 w-full items-center justify-center gap-1 rounded-lg border border-slate-300 bg-white font-medium tabular-nums text-slate-900",
                        "hover:border-[var(--brand)] hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-1 disabled:opacity-60",
                        pendingStartsAt === s.startsAt && "border-[var(--brand)]",
                      )}
                    >
                      {pendingStartsAt === s.startsAt ? <Spinner size="sm" /> : null}
                      {labels[i]}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-700">{t("time.noSlots")}</p>
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
