import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArrowLeft, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { can, CONFIG_WRITE_CAPABILITY, CAPABILITIES } from "#server/tenants/roles";
import { env } from "#server/env.server";
import { translateNow } from "#server/i18n/translate.server";
import { DomainsPanel } from "~/components/domains-panel";
import { SmtpPanel, type SmtpPanelProps } from "~/components/smtp-panel";
import { Alert, Button, Field, Input, NativeSelect, PageHeader, Switch, Textarea } from "~/components/ui";
import { actionFailure } from "~/lib/api.server";
import { SimpleModeNote } from "~/components/simple-mode-note";
import {
  displayPhone,
  FORM_MODE_FIELD,
  formToPatch,
  getPath,
  hiddenOptions,
  NODE_FORMS,
  NODE_SLUGS,
  postedMode,
  resetPatch,
  visibleFields,
  visiblePanels,
  type FieldSpec,
  type NodeKey,
} from "~/lib/config-forms";
import { requireMember } from "~/lib/dashboard.server";
import { WIZARD_DAYS } from "~/lib/onboarding-machine";
import { TEXT_LIMITS } from "#server/validation/limits";

function nodeOf(param: string | undefined): NodeKey {
  const node = NODE_SLUGS[param ?? ""];
  if (!node) throw new Response("Not found", { status: 404 });
  return node;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const node = nodeOf(params.node);
  // The phone line has its own page (setup and the simulator).
  if (node === "PHONE") throw redirect("/dashboard/phone");
  const { caller, current, user } = await requireMember(request);
  const mode = user.dashboardMode;
  const [value, recommended, addresses] = await Promise.all([
    caller.config[node].get(),
    // Only Simple mode hides options, and only then says how many keep the recommended value.
    mode === "SIMPLE" ? caller.config[node].recommended() : null,
    node === "SITE" ? siteAddresses(request, caller, current.slug) : null,
  ]);
  const capability = CONFIG_WRITE_CAPABILITY[node];
  const canEdit = can(current.role, capability) && !NODE_FORMS[node].readOnly;
  const panels = visiblePanels(node, mode);
  return {
    node,
    mode,
    value: value as Record<string, unknown>,
    /** The paths of the fields this page shows in the person's mode. */
    fields: visibleFields(node, mode).map((f) => f.path),
    panels,
    hidden: recommended
      ? hiddenOptions(node, mode, value, recommended, {
          smtp: node === "EMAIL" && (value as { smtp: unknown }).smtp != null,
          customDomains: (addresses?.domains.length ?? 0) > 0,
        })
      : { count: 0, changed: 0 },
    canEdit,
    neededRole: CAPABILITIES[capability],
    addresses,
  };
}

/** The public page's addresses (SITE settings only). */
async function siteAddresses(request: Request, caller: Awaited<ReturnType<typeof requireMember>>["caller"], slug: string) {
  const e = env();
  const origin = e.APP_URL ? new URL(e.APP_URL) : new URL(request.url);
  const domains = await caller.domains.list();
  return {
    platformUrl: `${origin.origin}/s/${slug}`,
    subdomainUrl: `${origin.protocol}//${slug}.${e.APP_DOMAIN}${origin.port ? `:${origin.port}` : ""}`,
    cnameTarget: e.APP_DOMAIN,
    domains: domains.map((d) => ({
      id: d.id,
      hostname: d.hostname,
      verifiedAt: d.verifiedAt ? d.verifiedAt.toISOString() : null,
      verification: d.verification,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const node = nodeOf(params.node);
  const { caller, locale, user } = await requireMember(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  // The mode the form was shown in: a Simple-mode post changes only what Simple mode showed.
  const mode = postedMode(form, user.dashboardMode);
  try {
    switch (intent) {
      case "reset": {
        const patch = mode === "SIMPLE" ? resetPatch(node, mode, await caller.config[node].recommended()) : null;
        if (patch) {
          if (Object.keys(patch).length) await caller.config[node].update(patch as never);
        } else await caller.config.reset({ node });
        return data({ ok: true as const, intent, message: translateNow(locale, "settings:resetDone") });
      }
      case "addDomain":
        await caller.domains.add({ hostname: String(form.get("hostname") ?? "") });
        return data({ ok: true as const, intent, message: translateNow(locale, "settings:domains.added") });
      case "removeDomain":
        await caller.domains.remove({ domainId: String(form.get("domainId") ?? "") });
        return data({ ok: true as const, intent, message: translateNow(locale, "settings:domains.removed") });
      case "saveSmtp": {
        const port = Number(form.get("port"));
        await caller.email.setSmtp({
          host: String(form.get("host") ?? ""),
          port: Number.isFinite(port) ? port : 0,
          secure: form.getAll("secure").includes("on"),
          user: String(form.get("user") ?? ""),
          password: String(form.get("password") ?? "") || undefined,
        });
        return data({ ok: true as const, intent, message: translateNow(locale, "settings:smtp.saved") });
      }
      case "clearSmtp":
        await caller.email.clearSmtp();
        return data({ ok: true as const, intent, message: translateNow(locale, "settings:smtp.removed") });
      case "testEmail": {
        const sent = await caller.email.sendTest();
        const me = caller.ctx.user?.email ?? "";
        return data({
          ok: true as const,
          intent,
          message: translateNow(locale, sent.status === "SENT" ? "settings:smtp.testSent" : "settings:smtp.testStored", { email: me }),
        });
      }
      case "verifyDomain": {
        const { verified } = await caller.domains.verify({ domainId: String(form.get("domainId") ?? "") });
        return data({
          ok: verified,
          intent,
          message: translateNow(locale, verified ? "settings:domains.verifiedNow" : "settings:domains.notYet"),
        });
      }
      default:
        await caller.config[node].update(formToPatch(node, form, mode) as never);
        return data({ ok: true as const, intent, message: translateNow(locale, "settings:saved") });
    }
  } catch (error) {
    const failure = actionFailure(error, locale);
    return data({ ...failure, intent }, { status: failure.error.status });
  }
}

export default function ConfigNodePage() {
  const { node, mode, value, fields, panels, hidden, canEdit, neededRole, addresses } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation(["settings", "common"]);
  const spec = NODE_FORMS[node];
  const shown = new Set(fields);
  const errors = result && "error" in result ? (result.error.fields ?? {}) : {};
  const errorFor = (path: string) => Object.entries(errors).find(([k]) => k === path || k.startsWith(`${path}.`))?.[1];
  return (
    <div>
      <PageHeader
        title={t(`nodes.${node}.title`)}
        description={t(`nodes.${node}.description`)}
        backLink={
          <Link to="/dashboard/settings" className="inline-flex min-h-11 items-center gap-1 text-slate-700 hover:text-slate-900">
            <ArrowLeft aria-hidden className="size-4" /> {t("title")}
          </Link>
        }
      />
      {fields.length === 0 ? <SimpleModeNote hidden={hidden} what="page" /> : null}
      <div className="space-y-4">
        {spec.notYet && fields.length ? <Alert variant="info" description={t("notYet")} /> : null}
        {!canEdit && !spec.readOnly ? (
          <Alert variant="warning" description={t("readOnly", { role: t(`common:roles.${neededRole}`).toLowerCase() })} />
        ) : null}
        {result && "message" in result ? <Alert variant={result.ok ? "success" : "warning"} description={result.message} /> : null}
        {result && "error" in result && result.intent !== "addDomain" && result.intent !== "saveSmtp" ? (
          <Alert variant="danger" description={result.error.message} />
        ) : null}
        {result && "error" in result && result.intent === "saveSmtp" && !result.error.fields ? (
          <Alert variant="danger" description={result.error.message} />
        ) : null}
      </div>
      {fields.length ? (
        <Form
          noValidate
          method="post"
          className="mt-6 space-y-6 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6"
          key={`${mode}:${JSON.stringify(value)}`}
        >
          <input type="hidden" name={FORM_MODE_FIELD} value={mode} />
          <fieldset disabled={!canEdit} className="space-y-6">
            {spec.fields
              .filter((f) => shown.has(f.path))
              .map((f) => (
                <ConfigField key={f.path} spec={f} value={getPath(value, f.path)} error={errorFor(f.path)} />
              ))}
          </fieldset>
          <SimpleModeNote hidden={hidden} />
          {canEdit ? (
            <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-between">
              <Button type="submit" name="intent" value="reset" variant="ghost">
                {t("resetToDefault")}
              </Button>
              <Button type="submit" name="intent" value="save" loading={navigation.state === "submitting"} loadingText={t("common:saving")}>
                {t("common:save")}
              </Button>
            </div>
          ) : null}
        </Form>
      ) : null}
      {panels.includes("smtp") ? (
        <SmtpPanel
          smtp={(value as unknown as { smtp: SmtpPanelProps["smtp"] }).smtp}
          canEdit={canEdit}
          fieldErrors={result && "error" in result && result.intent === "saveSmtp" ? (result.error.fields ?? {}) : {}}
        />
      ) : null}
      {addresses ? (
        <DomainsPanel
          {...addresses}
          customDomains={panels.includes("customDomains")}
          canEdit={canEdit}
          error={
            result && "error" in result && result.intent === "addDomain"
              ? (result.error.fields?.hostname ?? result.error.message)
              : undefined
          }
        />
      ) : null}
    </div>
  );
}

function ConfigField({ spec, value, error }: { spec: FieldSpec; value: unknown; error?: string }) {
  const { t } = useTranslation(["settings", "common", "dashboard"]);
  const key = `fields.${spec.path}`;
  const label = t(`${key}.label`);
  const hint = "hint" in spec && spec.hint ? t(`${key}.hint`, { businessName: "{{businessName}}" }) : undefined;
  switch (spec.kind) {
    case "boolean":
      return (
        <div className="flex items-start justify-between gap-4">
          <div>
            <label htmlFor={spec.path} className="font-medium text-slate-900">
              {label}
            </label>
            {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
          </div>
          <Switch id={spec.path} name={spec.path} defaultChecked={Boolean(value)} />
        </div>
      );
    case "text":
      return (
        <Field label={label} hint={hint} error={error}>
          <Input
            name={spec.path}
            type={spec.inputType ?? "text"}
            defaultValue={(value as string | null) ?? ""}
            maxLength={spec.maxLength}
            className={spec.inputType === "color" ? "h-12 w-24 p-1" : undefined}
          />
        </Field>
      );
    case "phone":
      return (
        <Field label={label} hint={hint} error={error}>
          <Input name={spec.path} type="tel" inputMode="tel" autoComplete="tel" defaultValue={displayPhone(value as string | null)} />
        </Field>
      );
    case "number":
      return (
        <Field label={label} hint={hint} error={error}>
          <Input
            name={spec.path}
            type="number"
            inputMode="numeric"
            min={spec.min}
            max={spec.max}
            defaultValue={String(value ?? "")}
            className="sm:w-40"
          />
        </Field>
      );
    case "select":
      return (
        <Field label={label} error={error}>
          <NativeSelect name={spec.path} defaultValue={String(value ?? "")}>
            {spec.options.map((o) => (
              <option key={o} value={o}>
                {spec.labelPrefix ? t(`${spec.labelPrefix}.${o}`) : t(`${key}.${o}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
      );
    case "localized": {
      const v = (value as { en: string; es: string } | null) ?? { en: "", es: "" };
      const Control = spec.multiline ? Textarea : Input;
      return (
        <fieldset className="space-y-3">
          <legend className="font-medium text-slate-900">{label}</legend>
          {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
          {(["en", "es"] as const).map((lng) => (
            <Field key={lng} label={t(`localized.${lng}`)}>
              <Control
                name={`${spec.path}.${lng}`}
                defaultValue={v[lng]}
                lang={lng}
                rows={spec.multiline ? 4 : undefined}
                maxLength={TEXT_LIMITS.localizedText}
              />
            </Field>
          ))}
          {error ? <p className="text-sm text-red-700">{error}</p> : null}
        </fieldset>
      );
    }
    case "zipList":
      return (
        <Field label={label} hint={hint} error={error}>
          <Textarea name={spec.path} defaultValue={((value as string[] | null) ?? []).join(", ")} rows={3} inputMode="numeric" />
        </Field>
      );
    case "checklist": {
      const selected = new Set((value as string[]) ?? []);
      return (
        <fieldset>
          <legend className="mb-2 font-medium text-slate-900">{label}</legend>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
            {spec.options.map((o) => (
              <label key={o} className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-200 px-3">
                <input type="checkbox" name={spec.path} value={o} defaultChecked={selected.has(o)} className="size-5 accent-brand-600" />
                {t(`${key}.${o}`)}
              </label>
            ))}
          </div>
          {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
        </fieldset>
      );
    }
    case "weeklyHours":
      return <WeeklyHoursField path={spec.path} value={value as Record<string, Array<{ open: string; close: string }>>} error={error} />;
    case "rows":
      return <RowsField spec={spec} value={(value as Array<Record<string, string>>) ?? []} label={label} hint={hint} error={error} />;
  }
}

function WeeklyHoursField({
  path,
  value,
  error,
}: {
  path: string;
  value: Record<string, Array<{ open: string; close: string }>>;
  error?: string;
}) {
  const { t } = useTranslation(["settings", "common", "onboarding"]);
  const [open, setOpen] = useState(() => Object.fromEntries(WIZARD_DAYS.map((d) => [d, (value[d] ?? []).length > 0])));
  return (
    <fieldset>
      <legend className="mb-2 font-medium text-slate-900">{t("fields.weekly.label")}</legend>
      {error ? <p className="mb-2 text-sm text-red-700">{error}</p> : null}
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
        {WIZARD_DAYS.map((d) => {
          const range = value[d]?.[0] ?? { open: "09:00", close: "17:00" };
          const dayName = t(`common:days.${d}`);
          return (
            <li key={d} className="flex flex-wrap items-center gap-3 p-3">
              <div className="flex w-36 items-center gap-3">
                <Switch
                  name={`${path}.${d}.open`}
                  checked={open[d]}
                  onCheckedChange={(on) => setOpen((o) => ({ ...o, [d]: on }))}
                  aria-label={t("onboarding:hours.openToggle", { day: dayName })}
                />
                <span className="font-medium">{dayName}</span>
              </div>
              {open[d] ? (
                <div className="flex flex-1 items-center gap-2">
                  <Input
                    type="time"
                    name={`${path}.${d}.from`}
                    defaultValue={range.open}
                    aria-label={`${dayName} — ${t("onboarding:hours.opens")}`}
                    className="w-full min-w-0 sm:w-32"
                  />
                  <span className="text-slate-500">{t("common:to")}</span>
                  <Input
                    type="time"
                    name={`${path}.${d}.to`}
                    defaultValue={range.close}
                    aria-label={`${dayName} — ${t("onboarding:hours.closes")}`}
                    className="w-full min-w-0 sm:w-32"
                  />
                </div>
              ) : (
                <span className="text-sm text-slate-500">{t("common:closed")}</span>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function RowsField({
  spec,
  value,
  label,
  hint,
  error,
}: {
  spec: Extract<FieldSpec, { kind: "rows" }>;
  value: Array<Record<string, string>>;
  label: string;
  hint?: string;
  error?: string;
}) {
  const { t } = useTranslation("settings");
  const [rows, setRows] = useState<Array<{ id: number; values: Record<string, string> }>>(() =>
    value.map((values, id) => ({ id, values })),
  );
  const [nextId, setNextId] = useState(value.length);
  return (
    <fieldset>
      <legend className="font-medium text-slate-900">{label}</legend>
      {hint ? <p className="mb-2 text-sm text-slate-600">{hint}</p> : null}
      <ul className="space-y-2">
        {rows.map((r) => (
          <li key={r.id} className="flex items-end gap-2">
            {spec.columns.map((c) => (
              <Field key={c.key} className="flex-1" label={t(`fields.${spec.path}.${c.key}`)}>
                <Input
                  name={`${spec.path}.${c.key}`}
                  defaultValue={c.type === "phone" ? displayPhone(r.values[c.key]) : (r.values[c.key] ?? "")}
                  type={c.type === "phone" ? "tel" : "text"}
                  inputMode={c.type === "phone" ? "tel" : undefined}
                  maxLength={c.maxLength}
                />
              </Field>
            ))}
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={t(`fields.${spec.path}.remove`)}
              onClick={() => setRows((all) => all.filter((x) => x.id !== r.id))}
            >
              <Trash2 />
            </Button>
          </li>
        ))}
      </ul>
      {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
      {rows.length < spec.max ? (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="mt-2"
          onClick={() => {
            setRows((all) => [...all, { id: nextId, values: {} }]);
            setNextId((n) => n + 1);
          }}
        >
          <Plus /> {t(`fields.${spec.path}.add`)}
        </Button>
      ) : null}
    </fieldset>
  );
}
