import { CalendarX, LinkIcon, Phone } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Alert,
  Badge,
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Textarea,
} from "~/components/ui";
import { formatCents } from "#server/money/money";
import { clientErrorOf, trpc } from "~/lib/trpc";
import { formatInZone, Panel } from "./booking-shell";
import type { ManagePageData } from "./booking-types";
import { SlotPicker, type PickedSlot } from "./slot-picker";

type ManagedBooking = Extract<ManagePageData, { kind: "booking" }>["booking"];

const STATUS_TONE: Record<string, "success" | "warning" | "neutral" | "danger"> = {
  CONFIRMED: "success",
  REQUESTED: "warning",
  IN_PROGRESS: "success",
  COMPLETED: "neutral",
  CANCELLED: "danger",
  NO_SHOW: "danger",
  HELD: "neutral",
};

/** A link that does not work (tampered, another business's, or expired): said kindly, with a way forward. */
export function ManageLinkProblem({ data }: { data: Extract<ManagePageData, { kind: "invalid" | "expired" }> }) {
  const { t } = useTranslation("booking");
  return (
    <div className="space-y-5 py-6 text-center">
      <LinkIcon aria-hidden className="mx-auto size-10 text-slate-400" />
      <h1 className="text-2xl font-bold text-slate-900">{data.kind === "expired" ? t("manage.expiredTitle") : t("manage.invalidTitle")}</h1>
      <p className="mx-auto max-w-md text-slate-700">{t("manage.invalidBody")}</p>
      <div className="flex flex-col items-center justify-center gap-3 sm:flex-row">
        <a
          href={`${data.site.basePath}/book`}
          className="inline-flex min-h-12 items-center rounded-lg bg-[var(--brand)] px-6 font-semibold text-white shadow hover:opacity-90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
        >
          {t("manage.bookAgain")}
        </a>
        <a
          href={data.site.basePath || "/"}
          className="inline-flex min-h-12 items-center px-4 font-medium text-slate-700 underline underline-offset-4"
        >
          {t("manage.goToSite", { business: data.site.name })}
        </a>
      </div>
    </div>
  );
}

/** The customer's booking behind the signed link: what and when, move it to another open time, or cancel it. */
export function ManageBooking({ data }: { data: Extract<ManagePageData, { kind: "booking" }> }) {
  const { t, i18n } = useTranslation("booking");
  const locale = i18n.language?.startsWith("es") ? "es" : "en";
  const { site, token } = data;
  const [booking, setBooking] = useState<ManagedBooking>(data.booking);
  const [mode, setMode] = useState<"view" | "reschedule">("view");
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const serviceName = (b: ManagedBooking) => b.service.name[locale] || b.serviceName;
  const when = formatInZone(booking.startsAt, locale, site.timeZone);

  const reschedule = async (slot: PickedSlot) => {
    setBusy(slot.startsAt);
    setNotice(null);
    try {
      const updated = await trpc.booking.public.manage.reschedule.mutate({ slug: site.slug, token, startsAt: slot.startsAt });
      setBooking({ ...updated, serviceName: serviceName(booking) });
      setMode("view");
      setNotice({ tone: "success", text: t("manage.rescheduled", { when: formatInZone(updated.startsAt, locale, site.timeZone) }) });
    } catch (error) {
      setNotice({ tone: "danger", text: clientErrorOf(error).message });
      setReloadKey((k) => k + 1);
    } finally {
      setBusy(null);
    }
  };

  const cancel = async () => {
    setBusy("cancel");
    setNotice(null);
    try {
      const updated = await trpc.booking.public.manage.cancel.mutate({ slug: site.slug, token, reason: reason.trim() || undefined });
      setBooking({ ...updated, serviceName: serviceName(booking) });
      setConfirmCancel(false);
      setNotice({ tone: "success", text: t("manage.cancelled") });
    } catch (error) {
      setConfirmCancel(false);
      setNotice({ tone: "danger", text: clientErrorOf(error).message });
    } finally {
      setBusy(null);
    }
  };

  const active = booking.status === "CONFIRMED" || booking.status === "REQUESTED";

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t("manage.title")}</h1>
        <Badge variant={STATUS_TONE[booking.status] ?? "neutral"}>{t(`manage.status.${booking.status}`)}</Badge>
      </div>

      {notice ? <Alert variant={notice.tone} description={notice.text} /> : null}

      <Panel>
        <dl className="grid grid-cols-[auto,1fr] gap-x-4 gap-y-2">
          <dt className="text-slate-600">{t("summary.service")}</dt>
          <dd className="font-medium text-slate-900">{serviceName(booking)}</dd>
          <dt className="text-slate-600">{t("summary.when")}</dt>
          <dd className={booking.status === "CANCELLED" ? "font-medium text-slate-500 line-through" : "font-medium text-slate-900"}>
            {when}
          </dd>
          <dt className="text-slate-600">{t("summary.duration")}</dt>
          <dd className="text-slate-900">{t("service.minutes", { count: booking.durationMinutes })}</dd>
          {site.showPrices ? (
            <>
              <dt className="text-slate-600">{t("summary.price")}</dt>
              <dd className="tabular-nums text-slate-900">{formatCents(booking.priceCents, locale)}</dd>
            </>
          ) : null}
          {booking.depositCents > 0 ? (
            <>
              <dt className="text-slate-600">{t("summary.deposit")}</dt>
              <dd className="tabular-nums text-slate-900">{formatCents(booking.depositCents, locale)}</dd>
            </>
          ) : null}
          {site.serviceAreaNote ? (
            <>
              <dt className="text-slate-600">{t("summary.where")}</dt>
              <dd className="text-slate-900">{site.serviceAreaNote}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">{t("summary.with")}</dt>
          <dd className="text-slate-900">{booking.staffName}</dd>
        </dl>
      </Panel>

      {booking.status === "CANCELLED" ? (
        <div className="flex flex-col items-start gap-2 text-slate-700">
          {notice ? null : (
            <p className="flex items-center gap-2">
              <CalendarX aria-hidden className="size-5" /> {t("manage.cancelled")}
            </p>
          )}
          <a
            href={`${site.basePath}/book`}
            className="inline-flex min-h-12 items-center rounded-lg bg-[var(--brand)] px-6 font-semibold text-white shadow hover:opacity-90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
          >
            {t("manage.bookAgain")}
          </a>
        </div>
      ) : active && (booking.canCancel || booking.canReschedule) ? (
        <>
          <p className="text-sm text-slate-600">
            {t("manage.deadline", { when: formatInZone(booking.changeDeadline, locale, site.timeZone) })}
          </p>
          {mode === "reschedule" ? (
            <Panel title={t("manage.rescheduleHeading")} titleId="reschedule-h">
              <SlotPicker
                slug={site.slug}
                serviceId={booking.service.id}
                selection={data.selection ?? undefined}
                timeZone={site.timeZone}
                onPick={reschedule}
                pendingStartsAt={busy && busy !== "cancel" ? busy : null}
                reloadKey={reloadKey}
                excludeStartsAt={booking.startsAt}
              />
              <Button type="button" variant="outline" className="mt-4" onClick={() => setMode("view")}>
                {t("manage.keepTime")}
              </Button>
            </Panel>
          ) : (
            <div className="flex flex-col gap-3 sm:flex-row">
              {booking.canReschedule ? (
                <Button type="button" size="lg" onClick={() => setMode("reschedule")} className="bg-[var(--brand)] hover:opacity-90">
                  {t("manage.reschedule")}
                </Button>
              ) : null}
              {booking.canCancel ? (
                <Button type="button" size="lg" variant="outline" onClick={() => setConfirmCancel(true)} className="text-red-700">
                  {t("manage.cancel")}
                </Button>
              ) : null}
            </div>
          )}
        </>
      ) : active ? (
        <Alert
          variant="info"
          description={t("manage.closed", { business: site.name })}
          action={
            site.contactPhone ? (
              <a
                href={`tel:${site.contactPhone}`}
                className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-sky-300 bg-white px-3 text-sm font-semibold text-sky-900 hover:bg-sky-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
              >
                <Phone aria-hidden className="size-4" /> {t("manage.call")}
              </a>
            ) : undefined
          }
        />
      ) : null}

      <Dialog open={confirmCancel} onOpenChange={(open) => !busy && setConfirmCancel(open)}>
        <DialogContent closeLabel={t("common:close")}>
          <DialogHeader>
            <DialogTitle>{t("manage.cancelHeading")}</DialogTitle>
            <DialogDescription>{t("manage.cancelBody", { service: serviceName(booking), when })}</DialogDescription>
          </DialogHeader>
          <Field label={t("manage.cancelReason")} controlId="cancel-reason">
            <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setConfirmCancel(false)} disabled={busy === "cancel"}>
              {t("manage.keep")}
            </Button>
            <Button type="button" variant="danger" onClick={cancel} loading={busy === "cancel"}>
              {t("manage.cancelConfirm")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
