import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArrowLeft } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge, PageHeader } from "~/components/ui";
import { api, requireUser } from "~/lib/api.server";
import { STATUS_BADGE } from "~/components/job-status";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await api(request, await requireUser(request));
  const run = await caller.admin.jobs.get({ id: String(params.id ?? "") }).catch(() => null);
  if (!run) throw new Response("Not found", { status: 404 });
  return { run, locale: caller.ctx.locale };
}

export default function JobRunDetail() {
  const { run, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const fmt = new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", { dateStyle: "short", timeStyle: "medium" });
  return (
    <div>
      <PageHeader
        title={run.functionId}
        description={t("jobs.detail", { id: run.id })}
        backLink={
          <Link to="/admin/jobs" className="inline-flex min-h-11 items-center gap-1 text-slate-700">
            <ArrowLeft aria-hidden className="size-4" /> {t("jobs.title")}
          </Link>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <Badge variant={STATUS_BADGE[run.status]}>{t(`jobs.statuses.${run.status}`)}</Badge>
        <span>{run.eventName}</span>
        <span className="tabular-nums">
          {t("jobs.attempt")} {run.attempt}/{run.maxAttempts}
        </span>
      </div>
      {run.lastError ? <p className="mb-4 rounded-lg bg-red-50 p-3 font-mono text-xs text-red-800">{run.lastError}</p> : null}
      <h2 className="mb-2 font-semibold">{t("jobs.steps")}</h2>
      <ol className="space-y-2">
        {run.steps.map((s) => (
          <li key={s.id} className="rounded-xl border border-slate-200 bg-white p-3 text-sm">
            <div className="flex flex-wrap gap-2">
              <span className="font-medium">{s.name}</span>
              <Badge variant={s.error ? "danger" : "neutral"}>{s.op}</Badge>
              <span className="ml-auto text-slate-500">{fmt.format(new Date(s.createdAt))}</span>
            </div>
            {s.output !== null ? (
              <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(s.output, null, 2)}</pre>
            ) : null}
            {s.error !== null ? (
              <pre className="mt-2 overflow-x-auto rounded bg-red-50 p-2 text-xs text-red-800">{JSON.stringify(s.error, null, 2)}</pre>
            ) : null}
          </li>
        ))}
      </ol>
      <h2 className="mb-2 mt-6 font-semibold">{t("jobs.event")}</h2>
      <pre className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-3 text-xs">{JSON.stringify(run.event, null, 2)}</pre>
    </div>
  );
}
