import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, cn, Spinner } from "~/components/ui";
import { clientErrorOf, trpc } from "~/lib/trpc";
import { formatTime } from "./schedule-dates";

export interface PickedSlot {
  startsAt: string;
  time: string;
  staffIds: string[];
}

/**
 * The free times of one local day for a service (and one member, or anyone), from the
 * member view of the slot engine. `refreshKey` reloads them (after "slot taken").
 */
export function SlotPicker({
  serviceId,
  selection,
  staffId,
  date,
  value,
  onChange,
  staffNames,
  refreshKey = 0,
  excludeStartsAt,
}: {
  serviceId: string;
  /** The chosen options (they can lengthen the job). */
  selection?: Record<string, string[]>;
  staffId: string | null;
  date: string;
  value: string | null;
  onChange: (slot: PickedSlot | null) => void;
  staffNames: Map<string, string>;
  refreshKey?: number;
  /** A start to leave out (the booking being moved, at its own time). */
  excludeStartsAt?: string;
}) {
  const { t, i18n } = useTranslation("schedule");
  const [state, setState] = useState<{ loading: boolean; slots: PickedSlot[]; error: string | null; timeZone: string }>({
    loading: true,
    slots: [],
    error: null,
    timeZone: "UTC",
  });

  useEffect(() => {
    if (!serviceId || !date) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    trpc.scheduling.staffSlots
      .query({ serviceId, fromDate: date, toDate: date, ...(staffId ? { staffId } : {}), ...(selection ? { selection } : {}) })
      .then((calendar) => {
        if (!live) return;
        const slots = (calendar.days[0]?.slots ?? [])
          .filter((s) => s.startsAt !== excludeStartsAt)
          .map((s) => ({ startsAt: s.startsAt, time: s.time, staffIds: s.staffIds }));
        setState({ loading: false, slots, error: null, timeZone: calendar.timeZone });
      })
      .catch((error: unknown) => live && setState((s) => ({ ...s, loading: false, slots: [], error: clientErrorOf(error).message })));
    return () => {
      live = false;
    };
    // The selection is compared by value: a new object with the same choices does not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serviceId, staffId, date, refreshKey, excludeStartsAt, JSON.stringify(selection ?? null)]);

  // A chosen time that is no longer free is dropped.
  useEffect(() => {
    if (!state.loading && value && !state.slots.some((s) => s.startsAt === value)) onChange(null);
  }, [state, value, onChange]);

  if (state.loading) {
    return (
      <p className="flex items-center gap-2 py-3 text-sm text-slate-600" role="status">
        <Spinner size="sm" /> {t("slots.loading")}
      </p>
    );
  }
  if (state.error) return <Alert variant="danger" description={state.error} />;
  if (state.slots.length === 0) return <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700">{t("slots.none")}</p>;

  return (
    <div role="radiogroup" aria-label={t("slots.label")} className="grid grid-cols-3 gap-2 sm:grid-cols-4" data-testid="slot-list">
      {state.slots.map((slot) => {
        const selected = slot.startsAt === value;
        const names = slot.staffIds
          .map((id) => staffNames.get(id))
          .filter(Boolean)
          .join(", ");
        const label = formatTime(slot.startsAt, state.timeZone, i18n.language);
        return (
          <button
            key={slot.startsAt}
            type="button"
            role="radio"
            aria-checked={selected}
            title={names ? t("slots.with", { time: label, names }) : undefined}
            data-starts-at={slot.startsAt}
            onClick={() => onChange(slot)}
            className={cn(
              "h-11 rounded-lg border text-sm font-medium tabular-nums transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 sm:h-10",
              selected ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-50",
            )}
          >
            {label}
          </button>
        );
      })}
    </div>
  );
}
