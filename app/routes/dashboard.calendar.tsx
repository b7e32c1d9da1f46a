import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CalendarDays } from "lucide-react";
import { useTranslation } from "react-i18next";
import { problemKey } from "#server/calendar/problems";
import { translateNow } from "#server/i18n/translate.server";
import { can } from "#server/tenants/roles";
import { AddCalendar } from "~/components/calendar/add-calendar";
import { ConnectionCard } from "~/components/calendar/connection-card";
import { HowItWorks } from "~/components/calendar/how-it-works";
import { Alert, PageHeader } from "~/components/ui";
import { actionFailure } from "~/lib/api.server";
import { requireMember } from "~/lib/dashboard.server";

export const meta: MetaFunction = () => [{ title: "Calendar · ServicePro" }];

/** Outcomes the OAuth routes report back through the URL (only these keys are ever shown). */
const NOTICES = ["connected", "reconnected", "cancelled"] as const;
const ERRORS = [
  "notConfigured",
  "badState",
  "noRefreshToken",
  "noWritableCalendar",
  "googleRefused",
  "staffNotFound",
  "businessCalendarOwnerOnly",
  "missingCode",
  "forbidden",
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller, current, locale } = await requireMember(request);
  const url = new URL(request.url);
  const notice = NOTICES.find((k) => url.searchParams.get("notice") === k) ?? null;
  const errorKey = ERRORS.find((k) => url.searchParams.get("error") === k) ?? null;
  if (!can(current.role, "hours.manage")) {
    const { mode } = await caller.calendar.mode();
    return { allowed: false as const, mode, locale, notice, errorKey, connections: [], unconnected: [], canManageBusiness: false };
  }
  const overview = await caller.calendar.connections();
  return { allowed: true as const, ...overview, locale, notice, errorKey };
}

export async function action({ request }: ActionFunctionArgs) {
  const { caller, locale } = await requireMember(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const connectionId = String(form.get("connectionId") ?? "");
  try {
    if (intent === "disconnect") {
      await caller.calendar.disconnect({ connectionId });
      return data({ ok: true as const, message: translateNow(locale, "calendar:notices.disconnected") });
    }
    if (intent === "syncNow") {
      const result = await caller.calendar.syncNow({ connectionId });
      if (result.ok)
        return data({ ok: true as const, message: translateNow(locale, "calendar:notices.synced", { written: result.events.written }) });
      const problem = translateNow(locale, `calendar:${problemKey(result.lastError ?? (result.busy.ok ? null : result.busy.problem))}`);
      return data({ ok: false as const, message: translateNow(locale, "calendar:notices.syncProblem", { problem }) });
    }
    return data({ ok: false as const, message: translateNow(locale, "errors:invalidInput") }, { status: 400 });
  } catch (error) {
    const failure = actionFailure(error, locale);
    return data({ ok: false as const, message: failure.error.message }, { status: failure.error.status });
  }
}

export default function CalendarPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("calendar");
  const local = d.mode === "local";
  const canManage = (staffId: string | null) => d.allowed && (staffId !== null || d.canManageBusiness);
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-4 sm:space-y-6">
        {d.notice ? <Alert variant={d.notice === "cancelled" ? "info" : "success"} description={t(`notices.${d.notice}`)} /> : null}
        {d.errorKey ? <Alert variant="danger" description={t(`errors.${d.errorKey}`)} /> : null}
        {result ? <Alert variant={result.ok ? "success" : "warning"} description={result.message} /> : null}

        {local ? (
          <Alert
            variant="info"
            icon={<CalendarDays />}
            title={t("localMode.title")}
            description={t("localMode.body")}
            data-testid="calendar-local-mode"
          >
            <Link
              to="/dashboard/settings/hours"
              className="inline-flex min-h-11 items-center font-medium text-sky-900 underline underline-offset-4 sm:min-h-0"
            >
              {t("localMode.hoursLink")}
            </Link>
          </Alert>
        ) : null}
        {!d.allowed ? <Alert variant="info" description={t("noAccess")} /> : null}

        {d.connections.length ? (
          <section className="space-y-4" aria-label={t("title")}>
            {d.connections.map((c) => (
              <ConnectionCard key={c.id} connection={c} locale={d.locale} canManage={canManage(c.staffId) && !local} />
            ))}
          </section>
        ) : null}

        {d.allowed && !local ? (
          <AddCalendar targets={d.unconnected} canManageBusiness={d.canManageBusiness} first={d.connections.length === 0} />
        ) : null}

        {local ? null : <HowItWorks />}
      </div>
    </div>
  );
}
