import { ArrowLeft, CalendarClock, Phone } from "lucide-react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Alert,
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Input,
  NativeSelect,
  Textarea,
} from "~/components/ui";
import { formatCents } from "#server/money/money";
import { clientErrorOf, trpc } from "~/lib/trpc";
import { serviceName, StatusBadge, type ScheduleBooking } from "./booking-card";
import { displayPhone } from "./phone-display";
import { formatLongDate, formatTimeRange, formatWhen, localDateOf } from "./schedule-dates";
import { SlotPicker, type PickedSlot } from "./slot-picker";

type StatusEvent = "CONFIRM" | "START" | "COMPLETE" | "MARK_NO_SHOW";
const STATUS_EVENTS: StatusEvent[] = ["CONFIRM", "START", "COMPLETE", "MARK_NO_SHOW"];
/** Events only an owner or manager may send (server/booking/router.server.ts). */
const MANAGER_EVENTS = new Set(["CONFIRM", "CANCEL"]);
const SLOT_TAKEN = "errors:booking.slotTaken";

const i18nKeyOf = (e: unknown) => (e as { data?: { i18nKey?: string | null } }).data?.i18nKey ?? null;

/**
 * One booking: its details, the moves its status allows (from the server's state machine),
 * moving it to another free time and cancelling it with a reason. Every change sends the
 * version the member saw, so a stale screen is refused instead of overwriting.
 */
export function BookingSheet({
  booking,
  onOpenChange,
  timeZone,
  staff,
  canManage,
  onChanged,
}: {
  booking: ScheduleBooking | null;
  onOpenChange: (open: boolean) => void;
  timeZone: string;
  staff: Array<{ id: string; name: string }>;
  canManage: boolean;
  /** After a change: the new booking and a message to show on the schedule. */
  onChanged: (booking: ScheduleBooking, message: string) => void;
}) {
  const { t, i18n } = useTranslation(["schedule", "common"]);
  const locale = i18n.language;
  const [step, setStep] = useState<"detail" | "move" | "cancel">("detail");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [moveDate, setMoveDate] = useState("");
  const [moveStaff, setMoveStaff] = useState("");
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  useEffect(() => {
    if (!booking) return;
    setStep("detail");
    setError(null);
    setReason("");
    setMoveDate(localDateOf(booking.startsAt, timeZone));
    setMoveStaff(booking.staff.id);
    setSlot(null);
    // Only when another booking is opened, not when the same one is refreshed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [booking?.id]);

  const staffNames = useMemo(() => new Map(staff.map((s) => [s.id, s.name])), [staff]);
  const onSlot = useCallback((s: PickedSlot | null) => setSlot(s), []);

  if (!booking) return <Dialog open={false} onOpenChange={onOpenChange} />;

  const allowed = new Set(booking.allowedEvents);
  const statusActions = STATUS_EVENTS.filter((e) => allowed.has(e) && (canManage || !MANAGER_EVENTS.has(e)));
  const primaryActions = statusActions.filter((e) => e !== "MARK_NO_SHOW");
  // A no-show can only be recorded once the start time has come (the server says so too).
  const started = new Date(booking.startsAt).getTime() <= Date.now();
  const canMove = allowed.has("RESCHEDULE");
  const canCancel = allowed.has("CANCEL") && canManage;
  const hiddenForRole = !canManage && (allowed.has("CONFIRM") || allowed.has("CANCEL"));
  const customerName = booking.customer?.name ?? t("card.walkIn");

  async function run(key: string, fn: () => Promise<ScheduleBooking>, message: (b: ScheduleBooking) => string) {
    setBusy(key);
    setError(null);
    try {
      const next = await fn();
      setStep("detail");
      onChanged(next, message(next));
    } catch (e) {
      if (i18nKeyOf(e) === SLOT_TAKEN) {
        setSlot(null);
        setRefreshKey((k) => k + 1);
        setError(t("errors.slotTakenRefreshed"));
      } else {
        setError(clientErrorOf(e).message);
      }
    } finally {
      setBusy(null);
    }
  }

  const transition = (event: StatusEvent) => {
    const input = { id: booking.id, version: booking.version };
    const call = {
      CONFIRM: () => trpc.booking.confirm.mutate(input),
      START: () => trpc.booking.start.mutate(input),
      COMPLETE: () => trpc.booking.complete.mutate(input),
      MARK_NO_SHOW: () => trpc.booking.noShow.mutate(input),
    }[event];
    return run(event, call, () => t(`done.${event}`));
  };

  const move = () => {
    if (!slot) {
      setError(t("create.pickSlot"));
      return;
    }
    return run(
      "RESCHEDULE",
      () =>
        trpc.booking.reschedule.mutate({ id: booking.id, version: booking.version, startsAt: slot.startsAt, staffId: moveStaff || null }),
      (b) => t("done.RESCHEDULE", { when: formatWhen(b.startsAt, timeZone, locale) }),
    );
  };

  const cancel = () =>
    run(
      "CANCEL",
      () => trpc.booking.cancel.mutate({ id: booking.id, version: booking.version, reason: reason.trim() || undefined }),
      () => t("done.CANCEL"),
    );

  const when = `${formatLongDate(localDateOf(booking.startsAt, timeZone), locale)}, ${formatTimeRange(booking.startsAt, booking.endsAt, timeZone, locale)}`;

  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent
        closeLabel={t("common:close")}
        className="sm:max-w-lg"
        aria-describedby="booking-sheet-description"
        data-testid="booking-sheet"
      >
        {step === "detail" ? (
          <>
            <DialogHeader>
              <div className="flex flex-wrap items-center gap-2">
                <DialogTitle>{customerName}</DialogTitle>
                <StatusBadge status={booking.status} />
              </div>
              <DialogDescription id="booking-sheet-description">{when}</DialogDescription>
            </DialogHeader>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-600">{t("detail.service")}</dt>
              <dd className="font-medium">{serviceName(booking, locale)}</dd>
              <dt className="text-slate-600">{t("detail.staff")}</dt>
              <dd>{booking.staff.name}</dd>
              <dt className="text-slate-600">{t("detail.price")}</dt>
              <dd className="tabular-nums">{formatCents(booking.priceCents, locale)}</dd>
              <dt className="text-slate-600">{t("detail.source")}</dt>
              <dd>{t(`detail.sources.${booking.source}`)}</dd>
              {booking.notes ? (
                <>
                  <dt className="text-slate-600">{t("detail.notes")}</dt>
                  <dd className="whitespace-pre-line">{booking.notes}</dd>
                </>
              ) : null}
              {booking.cancelReason ? (
                <>
                  <dt className="text-slate-600">{t("detail.cancelReason")}</dt>
                  <dd>{booking.cancelReason}</dd>
                </>
              ) : null}
            </dl>
            {booking.customer?.phone ? (
              <Button asChild variant="outline" size="sm" className="self-start">
                <a href={`tel:${booking.customer.phone}`}>
                  <Phone aria-hidden /> {t("detail.call", { phone: displayPhone(booking.customer.phone) })}
                </a>
              </Button>
            ) : null}
            {error ? <Alert variant="danger" description={error} /> : null}
            {statusActions.length === 0 && !canMove && !canCancel ? (
              <p className="text-sm text-slate-600">{t("detail.noActions")}</p>
            ) : null}
            {hiddenForRole ? <p className="text-sm text-slate-600">{t("detail.managerOnly")}</p> : null}
            <div className="mt-auto flex flex-col gap-2 pt-2">
              {primaryActions.length ? (
                <div className="flex flex-col gap-2 sm:flex-row sm:justify-end">
                  {primaryActions.map((event) => (
                    <Button key={event} type="button" loading={busy === event} disabled={busy !== null} onClick={() => transition(event)}>
                      {t(`actions.${event}`)}
                    </Button>
                  ))}
                </div>
              ) : null}
              <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
                {canCancel ? (
                  <Button
                    type="button"
                    variant="ghost"
                    className="text-red-700 hover:bg-red-50 hover:text-red-800 sm:mr-auto"
                    disabled={busy !== null}
                    onClick={() => setStep("cancel")}
                  >
                    {t("actions.CANCEL")}
                  </Button>
                ) : null}
                {statusActions.includes("MARK_NO_SHOW") && started ? (
                  <Button
                    type="button"
                    variant="outline"
                    loading={busy === "MARK_NO_SHOW"}
                    disabled={busy !== null}
                    onClick={() => transition("MARK_NO_SHOW")}
                  >
                    {t("actions.MARK_NO_SHOW")}
                  </Button>
                ) : null}
                {canMove ? (
                  <Button type="button" variant="outline" disabled={busy !== null} onClick={() => setStep("move")}>
                    <CalendarClock aria-hidden /> {t("actions.RESCHEDULE")}
                  </Button>
                ) : null}
              </div>
            </div>
          </>
        ) : step === "move" ? (
          <>
            <DialogHeader>
              <DialogTitle>{t("move.title")}</DialogTitle>
              <DialogDescription id="booking-sheet-description">
                {customerName} · {serviceName(booking, locale)} · {when}
              </DialogDescription>
            </DialogHeader>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label={t("create.date")}>
                <Input type="date" value={moveDate} onChange={(e) => e.target.value && setMoveDate(e.target.value)} />
              </Field>
              <Field label={t("create.staff")}>
                <NativeSelect value={moveStaff} onChange={(e) => setMoveStaff(e.target.value)}>
                  <option value="">{t("anyone")}</option>
                  {staff.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
            </div>
            <div className="space-y-2">
              <p className="text-sm font-semibold text-slate-900">{t("create.time")}</p>
              <SlotPicker
                serviceId={booking.service.id}
                staffId={moveStaff || null}
                date={moveDate}
                value={slot?.startsAt ?? null}
                onChange={onSlot}
                staffNames={staffNames}
                refreshKey={refreshKey}
                excludeStartsAt={booking.startsAt}
              />
            </div>
            {error ? <Alert variant="danger" description={error} /> : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => (setStep("detail"), setError(null))}>
                <ArrowLeft aria-hidden /> {t("move.back")}
              </Button>
              <Button type="button" loading={busy === "RESCHEDULE"} loadingText={t("move.submitting")} onClick={move}>
                {t("move.submit")}
              </Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>{t("cancel.title")}</DialogTitle>
              <DialogDescription id="booking-sheet-description">{t("cancel.description", { customer: customerName })}</DialogDescription>
            </DialogHeader>
            <p className="text-sm">
              <span className="font-medium">{serviceName(booking, locale)}</span> · {when}
            </p>
            <Field label={t("cancel.reason")} hint={t("cancel.reasonHint")}>
              <Textarea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
            {error ? <Alert variant="danger" description={error} /> : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => (setStep("detail"), setError(null))}>
                {t("cancel.keep")}
              </Button>
              <Button type="button" variant="danger" loading={busy === "CANCEL"} loadingText={t("cancel.submitting")} onClick={cancel}>
                {t("cancel.confirm")}
              </Button>
            </DialogFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
