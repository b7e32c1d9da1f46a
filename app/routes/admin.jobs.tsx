import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { isInngestCloudConfigured } from "#server/env.server";
import { Alert, Badge, Button, cn, PageHeader } from "~/components/ui";
import { STATUS_BADGE } from "~/components/job-status";
import { actionFailure, api, requireUser } from "~/lib/api.server";

const STATUSES = ["QUEUED", "RUNNING", "SLEEPING", "COMPLETED", "FAILED", "CANCELLED"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await api(request, await requireUser(request));
  const url = new URL(request.url);
  const status = z
    .enum(STATUSES)
    .optional()
    .catch(undefined)
    .parse(url.searchParams.get("status") ?? undefined);
  const cursor = url.searchParams.get("cursor") ?? undefined;
  const [stats, page, dead] = await Promise.all([
    caller.admin.jobs.stats(),
    caller.admin.jobs.list({ status, limit: 50, cursor }),
    caller.admin.outbox.deadLetters({ limit: 50 }),
  ]);
  return { stats, ...page, dead, status: status ?? null, locale: caller.ctx.locale, inngest: isInngestCloudConfigured() };
}

export async function action({ request }: ActionFunctionArgs) {
  const caller = await api(request, await requireUser(request));
  const form = await request.formData();
  const id = String(form.get("id") ?? "");
  try {
    if (form.get("intent") === "retry-event") {
      const { retried } = await caller.admin.outbox.retry({ id });
      return data({ ok: true as const, kind: "event" as const, retried });
    }
    const { retried } = await caller.admin.jobs.retry({ id });
    return data({ ok: true as const, kind: "run" as const, retried });
  } catch (error) {
    const failure = actionFailure(error, caller.ctx.locale);
    return data(failure, { status: failure.error.status });
  }
}

export default function AdminJobs() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation("admin");
  const fmt = new Intl.DateTimeFormat(d.locale === "es" ? "es-US" : "en-US", { dateStyle: "short", timeStyle: "medium" });
  const filter = (s: string | null) => {
    const p = new URLSearchParams(params);
    p.delete("cursor");
    if (s) p.set("status", s);
    else p.delete("status");
    return `?${p}`;
  };
  return (
    <div>
      <PageHeader title={t("jobs.title")} description={t("jobs.description")} />
      {d.inngest ? <Alert variant="info" className="mb-4" description={t("jobs.inngestMode")} /> : null}
      {result?.ok ? (
        <Alert
          variant={result.retried ? "success" : "warning"}
          className="mb-4"
          description={
            result.kind === "event"
              ? t(result.retried ? "jobs.deadLetters.retried" : "jobs.deadLetters.notRetryable")
              : t(result.retried ? "jobs.retried" : "jobs.notRetryable")
          }
        />
      ) : null}
      {result && !result.ok ? <Alert variant="danger" className="mb-4" description={result.error.message} /> : null}
      <DeadLetters dead={d.dead} fmt={fmt} />
      <nav className="mb-4 flex flex-wrap gap-2" aria-label={t("jobs.status")}>
        <Link to={filter(null)} className={chip(!d.status)}>
          {t("jobs.all")}
        </Link>
        {STATUSES.map((s) => (
          <Link key={s} to={filter(s)} className={chip(d.status === s)}>
            {t(`jobs.statuses.${s}`)} <span className="tabular-nums opacity-80">{d.stats[s]}</span>
          </Link>
        ))}
      </nav>
      {d.runs.length === 0 ? <p className="text-slate-600">{t("jobs.empty")}</p> : null}
      <ul className="space-y-2">
        {d.runs.map((r) => (
          <li key={r.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-3">
              <Badge variant={STATUS_BADGE[r.status]}>{t(`jobs.statuses.${r.status}`)}</Badge>
              <Link to={`/admin/jobs/${r.id}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                {r.functionId}
              </Link>
              <span className="text-sm text-slate-600">{r.eventName}</span>
              <span className="ml-auto text-sm tabular-nums text-slate-600">
                {t("jobs.attempt")} {r.attempt}/{r.maxAttempts} · {fmt.format(new Date(r.createdAt))}
              </span>
            </div>
            {r.status === "SLEEPING" || r.status === "QUEUED" ? (
              <p className="mt-1 text-sm text-slate-600">
                {t("jobs.runAt")}: {fmt.format(new Date(r.runAt))}
              </p>
            ) : null}
            {r.lastError ? (
              <p className="mt-2 break-words rounded-lg bg-red-50 p-2 font-mono text-xs text-red-800">
                {t("jobs.lastError")}: {r.lastError}
              </p>
            ) : null}
            {r.status === "FAILED" || r.status === "CANCELLED" ? (
              <Form noValidate method="post" className="mt-2">
                <input type="hidden" name="intent" value="retry-run" />
                <input type="hidden" name="id" value={r.id} />
                <Button type="submit" size="sm" variant="outline">
                  {t("jobs.retry")}
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {d.nextCursor ? (
        <Button asChild variant="outline" className="mt-4">
          <Link to={`?${new URLSearchParams({ ...(d.status ? { status: d.status } : {}), cursor: d.nextCursor })}`}>{t("jobs.more")}</Link>
        </Button>
      ) : null}
    </div>
  );
}

/** Events the outbox relay gave up on (server/events/dead-letters.server.ts): shown only when there are some. */
function DeadLetters({ dead, fmt }: { dead: ReturnType<typeof useLoaderData<typeof loader>>["dead"]; fmt: Intl.DateTimeFormat }) {
  const { t } = useTranslation("admin");
  if (dead.total === 0) return null;
  return (
    <section aria-labelledby="dead-letters" className="mb-6 rounded-xl border border-red-200 bg-red-50/40 p-4">
      <h2 id="dead-letters" className="text-lg font-semibold text-slate-900">
        {t("jobs.deadLetters.title")} <span className="tabular-nums text-red-700">{dead.total}</span>
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("jobs.deadLetters.description")}</p>
      <ul className="mt-3 space-y-2">
        {dead.deadLetters.map((e) => (
          <li key={e.id} className="min-w-0 rounded-xl border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Badge variant="danger">{t("jobs.deadLetters.dead")}</Badge>
              <span className="break-all font-medium text-slate-900">{e.name}</span>
              <span className="text-sm text-slate-600">
                {e.tenantName} <span className="text-slate-500">({e.tenantSlug})</span>
              </span>
            </div>
            <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm text-slate-600 sm:grid-cols-3">
              <div>
                <dt className="inline">{t("jobs.deadLetters.attempts")}: </dt>
                <dd className="inline tabular-nums">{e.attempts}</dd>
              </div>
              <div>
                <dt className="inline">{t("jobs.created")}: </dt>
                <dd className="inline tabular-nums">{fmt.format(new Date(e.createdAt))}</dd>
              </div>
              <div>
                <dt className="inline">{t("jobs.deadLetters.deadAt")}: </dt>
                <dd className="inline tabular-nums">{fmt.format(new Date(e.deadAt))}</dd>
              </div>
            </dl>
            {e.lastError ? (
              <p className="mt-2 break-words rounded-lg bg-red-50 p-2 font-mono text-xs text-red-800 [overflow-wrap:anywhere]">
                {t("jobs.lastError")}: {e.lastError}
              </p>
            ) : null}
            <Form noValidate method="post" className="mt-2">
              <input type="hidden" name="intent" value="retry-event" />
              <input type="hidden" name="id" value={e.id} />
              <Button type="submit" size="sm" variant="outline">
                {t("jobs.deadLetters.retry")}
              </Button>
            </Form>
          </li>
        ))}
      </ul>
      {dead.total > dead.deadLetters.length ? (
        <p className="mt-2 text-sm text-slate-600">{t("jobs.deadLetters.more", { count: dead.total - dead.deadLetters.length })}</p>
      ) : null}
    </section>
  );
}

function chip(active: boolean) {
  return cn(
    "inline-flex min-h-10 items-center gap-1 rounded-full border px-3 text-sm",
    active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
  );
}
