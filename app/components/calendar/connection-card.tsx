import { Form, useNavigation } from "@remix-run/react";
import { AlertTriangle, CalendarCheck2, CalendarClock, CalendarX2, CheckCircle2, Clock, RefreshCw, Unplug } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge, Button, Card, cn } from "~/components/ui";
import { ConnectButton } from "./connect-button";
import { formatAge } from "./format-age";

export interface ConnectionCardProps {
  connection: {
    id: string;
    staffId: string | null;
    staffName: string | null;
    status: "CONNECTED" | "DISCONNECTED" | "ERROR";
    accountEmail: string | null;
    calendarId: string;
    busyAgeMs: number | null;
    consecutiveFailures: number;
    lastError: string | null;
    lastErrorMessage: string | null;
    pendingCount: number;
    failedCount: number;
    busyBlockCount: number;
  };
  locale: string;
  /** The member may connect/disconnect this calendar (the business one is owners only). */
  canManage: boolean;
}

const STATUS_BADGE = { CONNECTED: "success", ERROR: "warning", DISCONNECTED: "danger" } as const;
const STATUS_ICON = { CONNECTED: CalendarCheck2, ERROR: CalendarClock, DISCONNECTED: CalendarX2 } as const;

/** One calendar connection: whose, which account, how fresh, what is owed, what went wrong, and what to do. */
export function ConnectionCard({ connection: c, locale, canManage }: ConnectionCardProps) {
  const { t } = useTranslation("calendar");
  const navigation = useNavigation();
  const submitting = (intent: string) =>
    navigation.state !== "idle" && navigation.formData?.get("intent") === intent && navigation.formData?.get("connectionId") === c.id;
  const name = c.staffName ? t("targets.staff", { name: c.staffName }) : t("targets.business");
  const Icon = STATUS_ICON[c.status];
  const troubled = c.status !== "CONNECTED";
  return (
    <Card
      className={cn("overflow-hidden", c.status === "DISCONNECTED" && "border-red-200", c.status === "ERROR" && "border-amber-200")}
      data-testid="calendar-connection"
    >
      <div className="flex items-start gap-3 p-4 sm:p-5">
        <span
          aria-hidden
          className={cn(
            "flex size-10 shrink-0 items-center justify-center rounded-full",
            c.status === "CONNECTED"
              ? "bg-emerald-50 text-emerald-700"
              : c.status === "ERROR"
                ? "bg-amber-50 text-amber-700"
                : "bg-red-50 text-red-700",
          )}
        >
          <Icon className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <h2 className="text-base font-semibold text-slate-900">{name}</h2>
            <Badge variant={STATUS_BADGE[c.status]}>{t(`status.${c.status}`)}</Badge>
          </div>
          <p className="mt-0.5 break-all text-sm text-slate-600">
            <span className="sr-only">{t("account")}: </span>
            {c.accountEmail ?? c.calendarId}
          </p>
        </div>
      </div>

      {troubled ? (
        <div
          className={cn(
            "mx-4 mb-4 rounded-lg border p-3 text-sm sm:mx-5",
            c.status === "DISCONNECTED" ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900",
          )}
          role={c.status === "DISCONNECTED" ? "alert" : "status"}
        >
          <p className="flex gap-2 font-medium">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            {c.status === "DISCONNECTED" ? t("disconnectedHelp") : t("errorHelp")}
          </p>
          {c.lastErrorMessage ? (
            <p className="mt-2 pl-6">
              <span className="font-medium">{t("lastProblem")}:</span> {c.lastErrorMessage}
              {c.consecutiveFailures > 1 && c.status === "ERROR" ? (
                <span className="text-amber-800"> · {t("failures", { count: c.consecutiveFailures })}</span>
              ) : null}
            </p>
          ) : null}
        </div>
      ) : null}

      <dl className="grid gap-3 border-t border-slate-100 px-4 py-3 text-sm sm:grid-cols-2 sm:px-5">
        <div className="flex items-start gap-2">
          <Clock aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />
          <div>
            <dt className="text-slate-600">{t("busyRead")}</dt>
            <dd className="font-medium text-slate-900">
              {c.busyAgeMs === null ? t("never") : formatAge(c.busyAgeMs, locale, t("ago.justNow"))}
              {c.busyAgeMs !== null ? (
                <span className="font-normal text-slate-600"> · {t("busyBlocks", { count: c.busyBlockCount })}</span>
              ) : null}
            </dd>
          </div>
        </div>
        <div className="flex items-start gap-2">
          {c.pendingCount + c.failedCount === 0 ? (
            <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
          ) : (
            <RefreshCw aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
          )}
          <div>
            <dt className="sr-only">{t("title")}</dt>
            <dd className="text-slate-900">
              {c.pendingCount + c.failedCount === 0 ? t("allWritten") : null}
              {c.pendingCount > 0 ? <span className="block">{t("waiting", { count: c.pendingCount })}</span> : null}
              {c.failedCount > 0 ? <span className="block text-red-700">{t("failedBookings", { count: c.failedCount })}</span> : null}
            </dd>
          </div>
        </div>
      </dl>

      <div className="flex flex-col gap-2 border-t border-slate-100 bg-slate-50/60 px-4 py-3 sm:flex-row sm:items-center sm:px-5">
        {c.status === "DISCONNECTED" ? (
          canManage ? (
            <ConnectButton staffId={c.staffId} label={t("reconnect")} className="w-full sm:w-auto" />
          ) : null
        ) : (
          <Form noValidate method="post" className="w-full sm:w-auto">
            <input type="hidden" name="intent" value="syncNow" />
            <input type="hidden" name="connectionId" value={c.id} />
            <Button type="submit" variant="outline" className="w-full sm:w-auto" loading={submitting("syncNow")} loadingText={t("syncing")}>
              <RefreshCw aria-hidden /> {t("syncNow")}
            </Button>
          </Form>
        )}
        {canManage ? (
          <Form
            noValidate
            method="post"
            className="w-full sm:ml-auto sm:w-auto"
            onSubmit={(e) => !confirm(t("disconnectConfirm", { name })) && e.preventDefault()}
          >
            <input type="hidden" name="intent" value="disconnect" />
            <input type="hidden" name="connectionId" value={c.id} />
            <Button
              type="submit"
              variant="ghost"
              className="w-full text-red-700 hover:bg-red-50 hover:text-red-800 sm:w-auto"
              aria-label={t("disconnectLabel", { name })}
              loading={submitting("disconnect")}
            >
              <Unplug aria-hidden /> {t("disconnect")}
            </Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}
