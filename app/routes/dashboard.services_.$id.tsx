import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArrowLeft } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TDepositRule } from "#server/catalog/options";
import { Invalid } from "#server/errors/domain-errors";
import { translateNow } from "#server/i18n/translate.server";
import { can } from "#server/tenants/roles";
import { fromDraft, parseDraft, toDraft } from "~/components/services/option-draft";
import { OptionGroupsEditor } from "~/components/services/option-groups-editor";
import { Alert, Button, Card, CardContent, CardHeader, CardTitle, Field, Input, PageHeader, SegmentedControl } from "~/components/ui";
import { actionFailure } from "~/lib/api.server";
import { requireMember } from "~/lib/dashboard.server";
import { centsToInput, formatCents, parseMoneyToCents } from "#server/money/money";

export const meta: MetaFunction = () => [{ title: "Service options · ServicePro" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller, current, locale } = await requireMember(request);
  const [services, staff] = await Promise.all([caller.services.list({ includeInactive: true }), caller.services.staffChoices()]);
  const service = services.find((s) => s.id === params.id);
  if (!service) throw new Response("Not found", { status: 404 });
  return { service, staff, locale, canEdit: can(current.role, "services.manage") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caller, locale } = await requireMember(request);
  const form = await request.formData();
  try {
    const service = (await caller.services.list({ includeInactive: true })).find((s) => s.id === params.id);
    if (!service) throw new Response("Not found", { status: 404 });
    const draft = parseDraft(String(form.get("optionGroups") ?? "[]"));
    if (!draft) throw Invalid("errors:invalidInput", { optionGroups: "errors:validation.invalid" });
    const { groups, fields } = fromDraft(draft);
    const type = String(form.get("depositType") ?? "none");
    let depositRule: TDepositRule = { type: "none" };
    if (type === "fixed") {
      const cents = parseMoneyToCents(String(form.get("depositAmount") ?? ""));
      if (cents === null || cents < 0) fields["depositRule.amountCents"] = "dashboard:services.errors.badAmount";
      depositRule = { type: "fixed", amountCents: Math.max(0, cents ?? 0) };
    } else if (type === "percent") {
      const percent = String(form.get("depositPercent") ?? "").trim();
      if (!/^\d{1,3}$/.test(percent) || Number(percent) < 1 || Number(percent) > 100)
        fields["depositRule.percent"] = "errors:validation.invalid";
      depositRule = { type: "percent", percent: Number(percent) || 1 };
    }
    if (Object.keys(fields).length > 0) throw Invalid("errors:invalidInput", fields);
    await caller.services.update({
      id: service.id,
      service: {
        locale,
        name: service.name[locale],
        durationMinutes: service.durationMinutes,
        priceCents: service.priceCents,
        optionGroups: groups,
        depositRule,
        staffIds: form.getAll("staffIds").map(String),
      },
    });
    return data({ ok: true as const, savedAt: Date.now(), message: translateNow(locale, "dashboard:services.savedToast") });
  } catch (error) {
    if (error instanceof Response) throw error;
    const failure = actionFailure(error, locale);
    return data(failure, { status: failure.error.status });
  }
}

export default function ServiceOptionsPage() {
  const { service, staff, locale, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("dashboard");
  const navigation = useNavigation();
  const fields = result && !result.ok ? (result.error.fields ?? {}) : {};
  // The API answers paths under "service." (the update input); the editor's own checks do not.
  const errorAt = (path: string) => fields[path] ?? fields[`service.${path}`];
  const [depositType, setDepositType] = useState<string>(service.depositRule.type);
  // Remount the form on what is saved: actionData arrives before the revalidated loader data,
  // so keying on the save itself would reset the editor to the old values.
  const formKey = JSON.stringify([service.optionGroups, service.depositRule, service.staffIds]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("services.editorTitle", { name: service.name[locale] })}
        description={t("services.editorIntro", { price: formatCents(service.priceCents, locale), minutes: service.durationMinutes })}
        backLink={
          <Link to="/dashboard/services" className="inline-flex min-h-11 items-center gap-1 font-medium text-brand-700 hover:underline">
            <ArrowLeft aria-hidden className="size-4" /> {t("services.back")}
          </Link>
        }
      />
      {!canEdit ? <Alert variant="info" description={t("services.readOnly")} /> : null}
      {result?.ok ? <Alert variant="success" description={result.message} /> : null}
      {result && !result.ok ? <Alert variant="danger" description={result.error.message} /> : null}
      <Form noValidate method="post" key={formKey} className="space-y-6">
        <fieldset disabled={!canEdit} className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle className="text-lg">{t("services.groups.title")}</CardTitle>
              <p className="text-sm text-slate-600">{t("services.groups.hint")}</p>
            </CardHeader>
            <CardContent>
              <OptionGroupsEditor name="optionGroups" initial={toDraft(service.optionGroups)} errorAt={errorAt} />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle className="text-lg" id="deposit-title">
                {t("services.deposit.title")}
              </CardTitle>
              <p className="text-sm text-slate-600">{t("services.deposit.hint")}</p>
            </CardHeader>
            <CardContent className="space-y-4">
              <SegmentedControl
                aria-labelledby="deposit-title"
                name="depositType"
                fullWidth
                value={depositType}
                onValueChange={setDepositType}
                options={[
                  { value: "none", label: t("services.deposit.none") },
                  { value: "fixed", label: t("services.deposit.fixed") },
                  { value: "percent", label: t("services.deposit.percent") },
                ]}
              />
              {depositType === "fixed" ? (
                <Field label={t("services.deposit.amount")} error={errorAt("depositRule.amountCents")} className="max-w-xs">
                  <Input
                    name="depositAmount"
                    inputMode="decimal"
                    required
                    defaultValue={service.depositRule.type === "fixed" ? centsToInput(service.depositRule.amountCents) : ""}
                  />
                </Field>
              ) : null}
              {depositType === "percent" ? (
                <Field label={t("services.deposit.percentLabel")} error={errorAt("depositRule.percent")} className="max-w-xs">
                  <Input
                    name="depositPercent"
                    type="number"
                    min={1}
                    max={100}
                    step={1}
                    required
                    defaultValue={service.depositRule.type === "percent" ? service.depositRule.percent : 25}
                  />
                </Field>
              ) : null}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle className="text-lg">{t("services.staff.title")}</CardTitle>
              <p className="text-sm text-slate-600">{t("services.staff.hint")}</p>
            </CardHeader>
            <CardContent className="space-y-2">
              {errorAt("staffIds") ? <p className="text-sm text-red-700">{errorAt("staffIds")}</p> : null}
              {staff.length === 0 ? <p className="text-sm text-slate-600">{t("services.staff.empty")}</p> : null}
              <ul className="grid gap-2 sm:grid-cols-2">
                {staff.map((s) => (
                  <li key={s.id}>
                    <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 hover:bg-slate-50">
                      <input
                        type="checkbox"
                        name="staffIds"
                        value={s.id}
                        defaultChecked={service.staffIds.includes(s.id)}
                        className="size-5 accent-brand-600"
                      />
                      <span className="text-slate-900">{s.name}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>

          {canEdit ? (
            <div className="sticky bottom-0 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
              <Button type="submit" className="w-full sm:w-auto" loading={navigation.state === "submitting"}>
                {t("services.saveOptions")}
              </Button>
            </div>
          ) : null}
        </fieldset>
      </Form>
    </div>
  );
}
