import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert, Badge, cn, PageHeader } from "~/components/ui";
import { requireMember } from "~/lib/dashboard.server";

/** Sent email: the tenant's email log, and the dev mailbox when no SMTP is configured. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { caller, locale } = await requireMember(request);
  const url = new URL(request.url);
  const [page, email] = await Promise.all([
    caller.email.sent({ limit: 50, cursor: url.searchParams.get("cursor") ?? undefined }),
    caller.config.EMAIL.get(),
  ]);
  return { ...page, locale, local: !email.smtp };
}

export default function Mailbox() {
  const { emails, nextCursor, locale, local } = useLoaderData<typeof loader>();
  const { t } = useTranslation("notifications");
  const params = useParams();
  const fmt = new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", { dateStyle: "medium", timeStyle: "short" });
  return (
    <div>
      <PageHeader title={t("mailbox.title")} description={t("mailbox.description")} />
      {local ? <Alert variant="info" className="mb-4" description={t("mailbox.localNote")} /> : null}
      <div className="grid gap-4 lg:grid-cols-[22rem_1fr]">
        <ul
          className={cn(
            "divide-y divide-slate-200 overflow-hidden rounded-2xl border border-slate-200 bg-white",
            params.id && "hidden lg:block",
          )}
        >
          {emails.length === 0 ? <li className="p-4 text-slate-600">{t("mailbox.empty")}</li> : null}
          {emails.map((e) => (
            <li key={e.id}>
              <Link
                to={`/dashboard/mailbox/${e.id}`}
                className={cn(
                  "block p-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none",
                  params.id === e.id && "bg-brand-50",
                )}
              >
                <div className="flex items-center gap-2">
                  <span className="min-w-0 flex-1 truncate font-medium">{e.subject}</span>
                  <Badge variant={e.status === "FAILED" ? "danger" : e.status === "SENT" ? "success" : "neutral"}>
                    {t(`mailbox.status.${e.status}`)}
                  </Badge>
                </div>
                <p className="truncate text-sm text-slate-600">
                  {t("mailbox.to")}: {e.toAddress} · {t(`mailbox.kinds.${e.kind}`, { defaultValue: e.kind })}
                </p>
                <p className="text-xs text-slate-500">{fmt.format(new Date(e.createdAt))}</p>
              </Link>
            </li>
          ))}
          {nextCursor ? (
            <li className="p-3 text-center">
              <Link to={`?cursor=${nextCursor}`} className="text-sm font-medium text-brand-700">
                →
              </Link>
            </li>
          ) : null}
        </ul>
        <Outlet />
      </div>
    </div>
  );
}
