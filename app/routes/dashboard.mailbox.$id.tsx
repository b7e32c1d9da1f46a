import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ArrowLeft } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui";
import { requireMember } from "~/lib/dashboard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller, locale } = await requireMember(request);
  const email = await caller.email.get({ id: String(params.id ?? "") }).catch(() => null);
  if (!email) throw new Response("Not found", { status: 404 });
  return { email, locale };
}

export default function MailboxMessage() {
  const { email, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("notifications");
  const fmt = new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", { dateStyle: "full", timeStyle: "short" });
  return (
    <article className="rounded-2xl border border-slate-200 bg-white p-4">
      <Link to="/dashboard/mailbox" className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm text-slate-700 lg:hidden">
        <ArrowLeft aria-hidden className="size-4" /> {t("mailbox.back")}
      </Link>
      <h2 className="text-lg font-semibold">{email.subject}</h2>
      <p className="text-sm text-slate-600">
        {t("mailbox.to")}: {email.toAddress} · {fmt.format(new Date(email.createdAt))} · {t(`mailbox.status.${email.status}`)}
      </p>
      {email.error ? <Alert variant="danger" className="mt-3" description={email.error} /> : null}
      {/* The stored HTML is shown in a sandbox: no scripts, no same-origin access. */}
      <iframe
        title={email.subject}
        sandbox=""
        srcDoc={email.html}
        className="mt-4 h-[32rem] w-full rounded-lg border border-slate-200 bg-slate-50"
      />
    </article>
  );
}
