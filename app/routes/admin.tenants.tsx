import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert, Badge, Button, PageHeader } from "~/components/ui";
import { actionFailure, api, requireUser } from "~/lib/api.server";
import { zId } from "#server/validation/text";

export async function loader({ request }: LoaderFunctionArgs) {
  const caller = await api(request, await requireUser(request));
  return { tenants: await caller.admin.tenants.list(), locale: caller.ctx.locale };
}

export async function action({ request }: ActionFunctionArgs) {
  const caller = await api(request, await requireUser(request));
  const form = Object.fromEntries(await request.formData());
  try {
    const input = z.object({ tenantId: zId(), status: z.enum(["ACTIVE", "SUSPENDED"]) }).parse(form);
    await caller.admin.tenants.setStatus({ ...input, reason: null });
    return data({ ok: true as const });
  } catch (error) {
    const failure = actionFailure(error, caller.ctx.locale);
    return data(failure, { status: failure.error.status });
  }
}

export default function AdminTenants() {
  const { tenants, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const fmt = new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", { dateStyle: "medium" });
  return (
    <div>
      <PageHeader title={t("tenants.title")} description={t("tenants.description")} />
      {result?.ok ? <Alert variant="success" className="mb-4" description={t("tenants.updated")} /> : null}
      {result && !result.ok ? <Alert variant="danger" className="mb-4" description={result.error.message} /> : null}
      <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-4 py-3 font-medium">{t("tenants.name")}</th>
              <th className="px-4 py-3 font-medium">{t("tenants.trade")}</th>
              <th className="px-4 py-3 font-medium">{t("tenants.members")}</th>
              <th className="px-4 py-3 font-medium">{t("tenants.status")}</th>
              <th className="px-4 py-3 font-medium">{t("tenants.created")}</th>
              <th className="px-4 py-3" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tenants.map((tn) => (
              <tr key={tn.id}>
                <td className="px-4 py-3">
                  <a
                    className="font-medium text-brand-700 underline-offset-4 hover:underline"
                    href={`/s/${tn.slug}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {tn.name}
                  </a>
                  <div className="text-xs text-slate-500">/s/{tn.slug}</div>
                </td>
                <td className="px-4 py-3">{tn.industryPackKey}</td>
                <td className="px-4 py-3 tabular-nums">{tn.members}</td>
                <td className="px-4 py-3">
                  <Badge variant={tn.status === "ACTIVE" ? "success" : "danger"}>{t(`tenants.statuses.${tn.status}`)}</Badge>
                </td>
                <td className="px-4 py-3">{fmt.format(new Date(tn.createdAt))}</td>
                <td className="px-4 py-3 text-right">
                  <Form
                    noValidate
                    method="post"
                    onSubmit={(e) =>
                      tn.status === "ACTIVE" && !confirm(t("tenants.suspendConfirm", { name: tn.name })) && e.preventDefault()
                    }
                  >
                    <input type="hidden" name="tenantId" value={tn.id} />
                    <input type="hidden" name="status" value={tn.status === "ACTIVE" ? "SUSPENDED" : "ACTIVE"} />
                    <Button type="submit" size="sm" variant={tn.status === "ACTIVE" ? "outline" : "primary"}>
                      {tn.status === "ACTIVE" ? t("tenants.suspend") : t("tenants.reactivate")}
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
