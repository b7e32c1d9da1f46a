import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigate, useRevalidator, useSearchParams } from "@remix-run/react";
import { CalendarCheck, CalendarDays, CalendarX, ChevronLeft, ChevronRight, Plus } from "lucide-react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { BookingCard, type ScheduleBooking } from "~/components/schedule/booking-card";
import { BookingSheet } from "~/components/schedule/booking-sheet";
import { NewBookingDialog } from "~/components/schedule/new-booking-dialog";
import {
  addDays,
  formatLongDate,
  formatShortDate,
  formatWeekRange,
  formatWhen,
  localDateOf,
  weekDates,
} from "~/components/schedule/schedule-dates";
import { loadSchedule, type CalendarState, type ScheduleStaff } from "~/components/schedule/schedule-loader.server";
import { Alert, Button, cn, EmptyState, Input, PageHeader, SegmentedControl } from "~/components/ui";
import { requireMember } from "~/lib/dashboard.server";

export const meta: MetaFunction = () => [{ title: "Schedule · ServicePro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return loadSchedule(member, new URL(request.url));
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function SchedulePage() {
  const d = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["schedule", "common"]);
  const locale = i18n.language;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const revalidator = useRevalidator();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [override, setOverride] = useState<ScheduleBooking | null>(null);

  const bookings = d.bookings as ScheduleBooking[];
  const opened = openId ? (override?.id === openId ? override : (bookings.find((b) => b.id === openId) ?? override)) : null;
  useEffect(() => {
    // The loader's copy wins once it is as new as the one a change returned.
    if (override && bookings.some((b) => b.id === override.id && b.version >= override.version)) setOverride(null);
  }, [bookings, override]);

  const go = useCallback(
    (date: string, view = d.view) => {
      const next = new URLSearchParams(params);
      next.set("date", date);
      if (view === "week") next.set("view", "week");
      else next.delete("view");
      navigate(`?${next.toString()}`);
    },
    [params, navigate, d.view],
  );

  const colorOf = useMemo(() => new Map(d.staff.map((s) => [s.id, s.color])), [d.staff]);
  const step = d.view === "week" ? 7 : 1;
  const heading = d.view === "week" ? formatWeekRange(d.firstDate, locale) : formatLongDate(d.date, locale);
  const active = bookings.filter((b) => b.status !== "CANCELLED");

  const onChanged = (booking: ScheduleBooking, message: string) => {
    setOverride(booking);
    setNotice(message);
    if (booking.status === "CANCELLED") setOpenId(null);
    revalidator.revalidate();
  };

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button type="button" onClick={() => setCreating(true)} data-testid="new-booking" className="sm:order-2">
              <Plus aria-hidden /> {t("newBooking")}
            </Button>
            <CalendarLink state={d.calendar} />
          </>
        }
      />

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex items-center gap-2">
          <Button
            type="button"
            variant="outline"
            size="icon"
            aria-label={d.view === "week" ? t("previousWeek") : t("previousDay")}
            onClick={() => go(addDays(d.date, -step))}
          >
            <ChevronLeft />
          </Button>
          <Button
            type="button"
            variant="outline"
            onClick={() => go(d.today)}
            disabled={d.view === "day" ? d.date === d.today : weekDates(d.firstDate).includes(d.today)}
          >
            {t("today")}
          </Button>
          <Button
            type="button"
            variant="outline"
            size="icon"
            aria-label={d.view === "week" ? t("nextWeek") : t("nextDay")}
            onClick={() => go(addDays(d.date, step))}
          >
            <ChevronRight />
          </Button>
          <Input
            type="date"
            aria-label={t("pickDate")}
            className="w-auto min-w-0 flex-1 sm:w-44 sm:flex-none"
            value={d.date}
            onChange={(e) => e.target.value && go(e.target.value)}
          />
        </div>
        <SegmentedControl
          label={t("view.label")}
          value={d.view}
          onValueChange={(v) => go(d.date, v as "day" | "week")}
          options={[
            { value: "day", label: t("view.day") },
            { value: "week", label: t("view.week") },
          ]}
        />
      </div>

      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900 first-letter:uppercase" data-testid="schedule-heading">
          {heading}
        </h2>
        <p className="text-sm text-slate-600" data-testid="schedule-count">
          {t("summary", { count: active.length })}
        </p>
      </div>

      {notice ? <Alert variant="success" description={notice} onClick={() => setNotice(null)} data-testid="schedule-notice" /> : null}

      {d.view === "day" ? (
        <DayView d={d} bookings={bookings} colorOf={colorOf} onOpen={(b) => setOpenId(b.id)} onNew={() => setCreating(true)} />
      ) : (
        <WeekView d={d} bookings={bookings} colorOf={colorOf} onOpen={(b) => setOpenId(b.id)} onDay={(date) => go(date, "day")} />
      )}

      <NewBookingDialog
        open={creating}
        onOpenChange={setCreating}
        services={d.services}
        staff={d.staff}
        defaultDate={d.date}
        defaultLocale={d.defaultLocale}
        onCreated={(booking) => {
          setCreating(false);
          const day = localDateOf(booking.startsAt, d.timeZone);
          setNotice(
            t("create.created", {
              customer: booking.customer?.name ?? t("card.walkIn"),
              when: formatWhen(booking.startsAt, d.timeZone, locale),
            }),
          );
          const visible = d.view === "week" ? weekDates(d.firstDate).includes(day) : day === d.date;
          if (visible) revalidator.revalidate();
          else go(day);
        }}
      />
      <BookingSheet
        booking={opened}
        onOpenChange={(open) => !open && setOpenId(null)}
        timeZone={d.timeZone}
        staff={d.staff}
        canManage={d.canManage}
        onChanged={onChanged}
      />
    </div>
  );
}

function CalendarLink({ state }: { state: CalendarState }) {
  const { t } = useTranslation("schedule");
  const Icon = state === "connected" ? CalendarCheck : state === "problem" ? CalendarX : CalendarDays;
  return (
    <Button asChild variant="outline" className="h-auto min-h-11 whitespace-normal py-2 sm:order-1 sm:min-h-10">
      <Link to="/dashboard/calendar" data-testid="calendar-link" data-state={state}>
        <Icon aria-hidden className={cn(state === "connected" && "text-emerald-600", state === "problem" && "text-red-600")} />
        {t(`calendar.${state}`)}
      </Link>
    </Button>
  );
}

/** Staff columns: every active member, plus anyone inactive who still has a job that day. */
function columnsFor(staff: ScheduleStaff[], bookings: ScheduleBooking[]): ScheduleStaff[] {
  const extra = new Map<string, ScheduleStaff>();
  for (const b of bookings)
    if (!staff.some((s) => s.id === b.staff.id)) extra.set(b.staff.id, { id: b.staff.id, name: b.staff.name, color: "#64748b" });
  return [...staff, ...extra.values()];
}

function DayView({
  d,
  bookings,
  colorOf,
  onOpen,
  onNew,
}: {
  d: Data;
  bookings: ScheduleBooking[];
  colorOf: Map<string, string>;
  onOpen: (b: ScheduleBooking) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation("schedule");
  if (bookings.length === 0) {
    return (
      <EmptyState
        icon={<CalendarDays />}
        title={t("emptyDay")}
        description={t("emptyDayHint")}
        action={
          <Button type="button" onClick={onNew}>
            <Plus aria-hidden /> {t("newBooking")}
          </Button>
        }
      />
    );
  }
  const columns = columnsFor(d.staff, bookings);
  return (
    <div
      className={cn("grid gap-4", columns.length >= 3 ? "lg:grid-cols-3" : columns.length === 2 ? "md:grid-cols-2" : "")}
      data-testid="day-view"
    >
      {columns.map((member) => {
        const jobs = bookings.filter((b) => b.staff.id === member.id);
        return (
          <section
            key={member.id}
            aria-labelledby={`staff-${member.id}`}
            className="min-w-0 rounded-xl border border-slate-200 bg-slate-50/60 p-3"
            data-testid="staff-column"
          >
            <h3 id={`staff-${member.id}`} className="mb-3 flex items-center gap-2 text-sm font-semibold text-slate-900">
              <span aria-hidden className="size-3 shrink-0 rounded-full" style={{ backgroundColor: member.color }} />
              <span className="min-w-0 flex-1 truncate">{member.name}</span>
              <span className="font-normal text-slate-600">
                {t("summary", { count: jobs.filter((b) => b.status !== "CANCELLED").length })}
              </span>
            </h3>
            {jobs.length ? (
              <ul className="space-y-2">
                {jobs.map((b) => (
                  <li key={b.id}>
                    <BookingCard booking={b} timeZone={d.timeZone} color={colorOf.get(b.staff.id)} onOpen={onOpen} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="px-1 py-2 text-sm text-slate-600">{t("noBookings")}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}

function WeekView({
  d,
  bookings,
  colorOf,
  onOpen,
  onDay,
}: {
  d: Data;
  bookings: ScheduleBooking[];
  colorOf: Map<string, string>;
  onOpen: (b: ScheduleBooking) => void;
  onDay: (date: string) => void;
}) {
  const { t, i18n } = useTranslation("schedule");
  const days = weekDates(d.firstDate);
  return (
    <div className="grid gap-3 lg:grid-cols-7 lg:gap-2" data-testid="week-view">
      {days.map((date) => {
        const jobs = bookings.filter((b) => localDateOf(b.startsAt, d.timeZone) === date);
        const label = formatShortDate(date, i18n.language);
        const isToday = date === d.today;
        return (
          <section
            key={date}
            aria-label={formatLongDate(date, i18n.language)}
            className={cn("min-w-0 rounded-xl border bg-white p-2", isToday ? "border-brand-400" : "border-slate-200")}
          >
            <button
              type="button"
              onClick={() => onDay(date)}
              className="mb-2 flex w-full items-center gap-2 rounded-lg px-1 py-1 text-left hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 lg:flex-col lg:items-start lg:gap-0"
            >
              <span className={cn("text-xs font-semibold uppercase", isToday ? "text-brand-700" : "text-slate-600")}>{label.weekday}</span>
              <span className={cn("text-lg font-semibold tabular-nums", isToday ? "text-brand-700" : "text-slate-900")}>{label.day}</span>
              <span className="ml-auto text-xs text-slate-600 lg:ml-0">
                {t("summary", { count: jobs.filter((b) => b.status !== "CANCELLED").length })}
              </span>
            </button>
            {jobs.length ? (
              <ul className="space-y-1.5">
                {jobs.map((b) => (
                  <li key={b.id}>
                    <BookingCard booking={b} timeZone={d.timeZone} color={colorOf.get(b.staff.id)} compact onOpen={onOpen} />
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
