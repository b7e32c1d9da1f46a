import { useTranslation } from "react-i18next";
import type { BookingView } from "#server/booking/get-booking.server";
import { Badge, cn, type BadgeVariant } from "~/components/ui";
import { formatTime, formatTimeRange } from "./schedule-dates";

export type ScheduleBooking = BookingView;

const STATUS_VARIANT: Record<BookingView["status"], BadgeVariant> = {
  HELD: "neutral",
  REQUESTED: "warning",
  CONFIRMED: "brand",
  IN_PROGRESS: "info",
  COMPLETED: "success",
  CANCELLED: "neutral",
  NO_SHOW: "danger",
};

export function StatusBadge({ status, className }: { status: BookingView["status"]; className?: string }) {
  const { t } = useTranslation("schedule");
  return (
    <Badge variant={STATUS_VARIANT[status]} data-status={status} className={className}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The service's name in the viewer's language. */
export function serviceName(booking: Pick<BookingView, "service">, locale: string): string {
  return locale === "es" ? booking.service.name.es : booking.service.name.en;
}

const CLOSED = new Set<BookingView["status"]>(["CANCELLED", "NO_SHOW"]);

/** One job on the schedule: a button that opens the booking sheet. */
export function BookingCard({
  booking,
  timeZone,
  color,
  compact,
  onOpen,
}: {
  booking: BookingView;
  timeZone: string;
  color?: string;
  compact?: boolean;
  onOpen: (booking: BookingView) => void;
}) {
  const { t, i18n } = useTranslation("schedule");
  const locale = i18n.language;
  const customer = booking.customer?.name ?? t("card.walkIn");
  const service = serviceName(booking, locale);
  const range = formatTimeRange(booking.startsAt, booking.endsAt, timeZone, locale);
  const closed = CLOSED.has(booking.status);
  return (
    <button
      type="button"
      onClick={() => onOpen(booking)}
      data-testid="booking-card"
      data-booking-id={booking.id}
      className={cn(
        "group flex w-full min-w-0 flex-col gap-1 rounded-lg border border-slate-200 border-l-4 bg-white p-3 text-left shadow-sm transition-colors",
        "hover:border-slate-300 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
        closed && "bg-slate-50",
        compact && "p-2",
      )}
      style={{ borderLeftColor: color ?? "#64748b" }}
    >
      <span className="flex flex-wrap items-start justify-between gap-x-2 gap-y-1">
        <span
          className={cn(
            "whitespace-nowrap font-semibold tabular-nums text-slate-900",
            compact ? "text-xs" : "text-sm",
            closed && "line-through decoration-slate-400",
          )}
        >
          {compact ? formatTime(booking.startsAt, timeZone, locale) : range}
        </span>
        {compact ? null : <StatusBadge status={booking.status} />}
      </span>
      <span className={cn("truncate font-medium text-slate-900", compact ? "text-xs" : "text-base sm:text-sm")}>{customer}</span>
      <span className={cn("truncate text-slate-600", compact ? "text-xs" : "text-sm")}>{service}</span>
      {compact ? <StatusBadge status={booking.status} className="self-start" /> : null}
    </button>
  );
}
