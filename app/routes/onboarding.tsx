import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMachine } from "@xstate/react";
import { Check, CircleCheck, ExternalLink, Plus, Trash2 } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { listPacks } from "#server/packs";
import { COMMON_TIME_ZONES, allTimeZones } from "#server/i18n/time-zones";
import { AuthShell } from "~/components/auth-shell";
import { PackIcon } from "~/components/pack-icon";
import { Alert, Button, cn, Field, Input, NativeSelect, SegmentedControl, Switch } from "~/components/ui";
import { actionFailure, api, requireUser } from "~/lib/api.server";
import { formatCents } from "#server/money/money";
import {
  hoursValid,
  initialWizardContext,
  newServiceId,
  onboardingMachine,
  serviceProblems,
  toOnboardingInput,
  WIZARD_DAYS,
  WIZARD_STEPS,
  type WizardContext,
  type WizardStep,
} from "~/lib/onboarding-machine";

export const meta: MetaFunction = () => [{ title: "Set up · ServicePro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const caller = await api(request, user);
  const packs = listPacks().map((p) => ({
    key: p.key,
    icon: p.icon,
    name: p.name,
    description: p.description,
    exampleBusinessName: p.exampleBusinessName,
    hours: p.config.HOURS.weekly,
    services: p.services.map((s) => ({ key: s.key, name: s.name, durationMinutes: s.durationMinutes, priceCents: s.priceCents })),
  }));
  return { packs, locale: caller.ctx.locale, commonTimeZones: [...COMMON_TIME_ZONES], allTimeZones: allTimeZones() };
}

const ZPayload = z
  .string()
  .max(100_000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "validation.invalid" });
      return z.NEVER;
    }
  });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const caller = await api(request, user);
  const form = await request.formData();
  try {
    const payload = ZPayload.parse(form.get("payload"));
    const tenant = await caller.tenants.create(payload as never);
    return data({ ok: true as const, tenant });
  } catch (error) {
    const failure = actionFailure(error, caller.ctx.locale);
    return data(failure, { status: failure.error.status });
  }
}

type Loader = ReturnType<typeof useLoaderData<typeof loader>>;

/** Which wizard step a server-side field error belongs to. */
function stepOfField(field: string): WizardStep {
  if (field.startsWith("hours")) return "hours";
  if (field.startsWith("services")) return "services";
  if (field === "timeZone" || field === "locale") return "location";
  if (field === "businessName" || field === "packKey" || field === "slug") return "business";
  return "review";
}

export default function OnboardingPage() {
  const loaderData = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation("onboarding");
  const lang = (i18n.language?.startsWith("es") ? "es" : "en") as "en" | "es";
  const [snapshot, send] = useMachine(onboardingMachine, {
    input: initialWizardContext({ locale: loaderData.locale, timeZone: "America/Chicago" }),
  });
  const step = snapshot.value as WizardStep;
  const ctx = snapshot.context;
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Default the time zone to the browser's, once.
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && loaderData.allTimeZones.includes(tz)) send({ type: "UPDATE", patch: { timeZone: tz } });
  }, [send, loaderData.allTimeZones]);

  // Move focus to the new step's heading so screen readers announce it.
  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  // A server-side validation error sends the owner back to the step that has it.
  useEffect(() => {
    if (result && !result.ok && result.error.fields) {
      const first = Object.keys(result.error.fields)[0];
      if (first) send({ type: "GOTO", step: stepOfField(first) });
    }
  }, [result, send]);

  if (result?.ok) return <Done tenant={result.tenant} />;

  const index = WIZARD_STEPS.indexOf(step);
  const pack = loaderData.packs.find((p) => p.key === ctx.packKey);
  const serverFields = result && !result.ok ? (result.error.fields ?? {}) : {};

  return (
    <AuthShell title={t("title")}>
      <noscript>
        <Alert variant="warning" description={t("noScript")} />
      </noscript>
      <nav aria-label={t("progress", { current: index + 1, total: WIZARD_STEPS.length })} className="mb-6">
        <p className="mb-2 text-sm font-medium text-slate-600">{t("progress", { current: index + 1, total: WIZARD_STEPS.length })}</p>
        <ol className="flex gap-1.5">
          {WIZARD_STEPS.map((s, i) => (
            <li key={s} className="flex-1">
              <button
                type="button"
                onClick={() => send({ type: "GOTO", step: s })}
                aria-current={s === step ? "step" : undefined}
                className={cn(
                  "block h-2 w-full rounded-full focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
                  i <= index ? "bg-brand-600" : "bg-slate-200",
                )}
              >
                <span className="sr-only">{t(`steps.${s}`)}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <h2 ref={headingRef} tabIndex={-1} className="mb-4 text-xl font-semibold outline-none">
        {t(`${step}.heading`)}
      </h2>

      {result && !result.ok && !result.error.fields ? <Alert variant="danger" className="mb-4" description={result.error.message} /> : null}

      {step === "business" && (
        <BusinessStep
          ctx={ctx}
          packs={loaderData.packs}
          lang={lang}
          onName={(businessName) => send({ type: "UPDATE", patch: { businessName } })}
          onPack={(p) => send({ type: "CHOOSE_PACK", pack: p })}
          error={serverFields.businessName}
        />
      )}
      {step === "location" && <LocationStep ctx={ctx} data={loaderData} onChange={(patch) => send({ type: "UPDATE", patch })} />}
      {step === "hours" && <HoursStep ctx={ctx} onChange={(hours) => send({ type: "UPDATE", patch: { hours } })} />}
      {step === "services" && <ServicesStep ctx={ctx} onChange={(services) => send({ type: "UPDATE", patch: { services } })} />}
      {step === "review" && <ReviewStep ctx={ctx} packName={pack?.name[lang] ?? ""} lang={lang} />}

      <div className="mt-8 flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
        {index > 0 ? (
          <Button type="button" variant="outline" onClick={() => send({ type: "BACK" })}>
            {t("back")}
          </Button>
        ) : (
          <span />
        )}
        {step === "review" ? (
          <CreateButton ctx={ctx} />
        ) : (
          <Button type="button" onClick={() => send({ type: "NEXT" })} disabled={!snapshot.can({ type: "NEXT" })}>
            {t("next")}
          </Button>
        )}
      </div>
    </AuthShell>
  );
}

function BusinessStep({
  ctx,
  packs,
  lang,
  onName,
  onPack,
  error,
}: {
  ctx: WizardContext;
  packs: Loader["packs"];
  lang: "en" | "es";
  onName(v: string): void;
  onPack(p: Loader["packs"][number]): void;
  error?: string;
}) {
  const { t } = useTranslation("onboarding");
  const example = packs.find((p) => p.key === ctx.packKey)?.exampleBusinessName[lang] ?? packs[0]?.exampleBusinessName[lang] ?? "";
  return (
    <div className="space-y-6">
      <Field label={t("business.name")} error={error} required>
        <Input
          value={ctx.businessName}
          onChange={(e) => onName(e.target.value)}
          placeholder={t("business.namePlaceholder", { example })}
          maxLength={120}
          autoComplete="organization"
        />
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-900">{t("business.trade")}</legend>
        <p className="mb-3 text-sm text-slate-600">{t("business.tradeHint")}</p>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2" role="radiogroup" aria-label={t("business.trade")}>
          {packs.map((p) => {
            const selected = ctx.packKey === p.key;
            return (
              <button
                key={p.key}
                type="button"
                role="radio"
                aria-checked={selected}
                data-pack={p.key}
                onClick={() => onPack(p)}
                className={cn(
                  "flex min-h-14 items-center gap-3 rounded-xl border p-3 text-left transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
                  selected ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600" : "border-slate-300 bg-white hover:border-slate-400",
                )}
              >
                <PackIcon name={p.icon} className={cn("size-6 shrink-0", selected ? "text-brand-700" : "text-slate-500")} />
                <span className="min-w-0 flex-1">
                  <span className="block font-medium text-slate-900">{p.name[lang]}</span>
                  <span className="block truncate text-xs text-slate-600">{p.description[lang]}</span>
                </span>
                {selected ? <Check aria-hidden className="size-5 text-brand-700" /> : null}
              </button>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

function LocationStep({ ctx, data: d, onChange }: { ctx: WizardContext; data: Loader; onChange(patch: Partial<WizardContext>): void }) {
  const { t } = useTranslation("onboarding");
  const others = d.allTimeZones.filter((z) => !(d.commonTimeZones as string[]).includes(z));
  return (
    <div className="space-y-6">
      <Field label={t("location.timeZone")} hint={t("location.timeZoneHint")} required>
        <NativeSelect value={ctx.timeZone} onChange={(e) => onChange({ timeZone: e.target.value })}>
          <optgroup label="—">
            {d.commonTimeZones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("location.otherZones")}>
            {others.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </optgroup>
        </NativeSelect>
      </Field>
      <div>
        <p id="locale-label" className="mb-2 text-sm font-medium text-slate-900">
          {t("location.language")}
        </p>
        <SegmentedControl
          aria-labelledby="locale-label"
          value={ctx.locale}
          onValueChange={(v) => onChange({ locale: v as "en" | "es" })}
          options={[
            { value: "en", label: "English" },
            { value: "es", label: "Español" },
          ]}
          fullWidth
        />
        <p className="mt-2 text-sm text-slate-600">{t("location.languageHint")}</p>
      </div>
    </div>
  );
}

function HoursStep({ ctx, onChange }: { ctx: WizardContext; onChange(h: WizardContext["hours"]): void }) {
  const { t } = useTranslation(["onboarding", "common"]);
  const set = (day: (typeof WIZARD_DAYS)[number], ranges: Array<{ open: string; close: string }>) =>
    onChange({ ...ctx.hours, [day]: ranges });
  return (
    <div>
      <p className="mb-4 text-sm text-slate-600">{t("hours.hint")}</p>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
        {WIZARD_DAYS.map((day) => {
          const range = ctx.hours[day][0];
          const open = Boolean(range);
          const invalid = range && range.open >= range.close;
          return (
            <li key={day} className="flex flex-wrap items-center gap-3 p-3">
              <div className="flex w-36 items-center gap-3">
                <Switch
                  checked={open}
                  onCheckedChange={(on) => set(day, on ? [{ open: "09:00", close: "17:00" }] : [])}
                  aria-label={t("hours.openToggle", { day: t(`common:days.${day}`) })}
                />
                <span className="font-medium">{t(`common:days.${day}`)}</span>
              </div>
              {open && range ? (
                <div className="flex flex-1 items-center gap-2">
                  <Input
                    type="time"
                    className="w-full min-w-0 sm:w-32"
                    aria-label={`${t(`common:days.${day}`)} — ${t("hours.opens")}`}
                    value={range.open}
                    onChange={(e) => set(day, [{ ...range, open: e.target.value }])}
                    aria-invalid={invalid || undefined}
                  />
                  <span className="text-slate-500">{t("common:to")}</span>
                  <Input
                    type="time"
                    className="w-full min-w-0 sm:w-32"
                    aria-label={`${t(`common:days.${day}`)} — ${t("hours.closes")}`}
                    value={range.close}
                    onChange={(e) => set(day, [{ ...range, close: e.target.value }])}
                    aria-invalid={invalid || undefined}
                  />
                </div>
              ) : (
                <span className="text-sm text-slate-500">{t("common:closed")}</span>
              )}
              {invalid ? <p className="w-full text-sm text-red-700">{t("hours.invalidRange")}</p> : null}
            </li>
          );
        })}
      </ul>
      {!hoursValid(ctx) ? <span className="sr-only">{t("hours.invalidRange")}</span> : null}
    </div>
  );
}

function ServicesStep({ ctx, onChange }: { ctx: WizardContext; onChange(s: WizardContext["services"]): void }) {
  const { t } = useTranslation("onboarding");
  const update = (id: string, patch: Partial<WizardContext["services"][number]>) =>
    onChange(ctx.services.map((s) => (s.id === id ? { ...s, ...patch } : s)));
  return (
    <div>
      <p className="mb-4 text-sm text-slate-600">{t("services.hint")}</p>
      <ul className="space-y-3">
        {ctx.services.map((s) => {
          const problems = serviceProblems(s);
          return (
            <li key={s.id} className="rounded-xl border border-slate-200 p-3">
              <div className="flex items-start gap-2">
                <Field className="flex-1" label={t("services.name")} error={problems.name ? t("services.nameRequired") : undefined}>
                  <Input value={s.name} onChange={(e) => update(s.id, { name: e.target.value })} maxLength={120} />
                </Field>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="mt-6"
                  onClick={() => onChange(ctx.services.filter((x) => x.id !== s.id))}
                  aria-label={t("services.remove", { name: s.name || t("services.newService") })}
                >
                  <Trash2 />
                </Button>
              </div>
              <div className="mt-2 grid grid-cols-2 gap-2">
                <Field label={t("services.price")} error={problems.price ? t("services.priceInvalid") : undefined}>
                  <Input inputMode="decimal" value={s.price} onChange={(e) => update(s.id, { price: e.target.value })} />
                </Field>
                <Field label={t("services.duration")} error={problems.duration ? t("services.durationInvalid") : undefined}>
                  <Input
                    type="number"
                    inputMode="numeric"
                    min={5}
                    max={1440}
                    step={5}
                    value={Number.isFinite(s.durationMinutes) ? s.durationMinutes : ""}
                    onChange={(e) => update(s.id, { durationMinutes: e.target.value === "" ? NaN : Number(e.target.value) })}
                  />
                </Field>
              </div>
            </li>
          );
        })}
      </ul>
      {ctx.services.length === 0 ? <Alert className="mt-3" variant="warning" description={t("services.empty")} /> : null}
      <Button
        type="button"
        variant="outline"
        className="mt-3 w-full"
        onClick={() => onChange([...ctx.services, { id: newServiceId(), packServiceKey: null, name: "", price: "", durationMinutes: 60 }])}
      >
        <Plus /> {t("services.add")}
      </Button>
    </div>
  );
}

function ReviewStep({ ctx, packName, lang }: { ctx: WizardContext; packName: string; lang: "en" | "es" }) {
  const { t } = useTranslation(["onboarding", "common"]);
  const openDays = WIZARD_DAYS.filter((d) => ctx.hours[d].length > 0);
  const rows: Array<[string, string]> = [
    [t("review.business"), ctx.businessName],
    [t("review.trade"), packName],
    [t("review.timeZone"), ctx.timeZone.replace(/_/g, " ")],
    [t("review.language"), t(`common:languages.${ctx.locale}`)],
    [
      t("review.hours"),
      openDays.map((d) => `${t(`common:daysShort.${d}`)} ${ctx.hours[d][0].open}–${ctx.hours[d][0].close}`).join(" · ") ||
        t("common:closed"),
    ],
  ];
  return (
    <div>
      <p className="mb-4 text-sm text-slate-600">{t("review.hint")}</p>
      <div className="divide-y divide-slate-200 rounded-xl border border-slate-200">
        <dl className="divide-y divide-slate-200">
          {rows.map(([k, v]) => (
            <div key={k} className="grid grid-cols-3 gap-2 p-3 text-sm">
              <dt className="text-slate-600">{k}</dt>
              <dd className="col-span-2 font-medium text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
        <div className="p-3 text-sm">
          <h3 className="mb-2 text-slate-600">{t("review.services", { count: ctx.services.length })}</h3>
          <ul className="space-y-1">
            {ctx.services.map((s) => (
              <li key={s.id} className="flex justify-between gap-2">
                <span className="truncate">{s.name}</span>
                <span className="shrink-0 tabular-nums text-slate-700">
                  {formatCents(toOnboardingInput({ ...ctx, services: [s] }).services[0].priceCents, lang)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function CreateButton({ ctx }: { ctx: WizardContext }) {
  const { t } = useTranslation("onboarding");
  const navigation = useNavigation();
  const payload = useMemo(() => JSON.stringify(toOnboardingInput(ctx)), [ctx]);
  return (
    <Form noValidate method="post">
      <input type="hidden" name="payload" value={payload} />
      <Button type="submit" className="w-full sm:w-auto" loading={navigation.state !== "idle"} loadingText={t("review.creating")}>
        {t("review.create")}
      </Button>
    </Form>
  );
}

function Done({ tenant }: { tenant: { slug: string; name: string } }) {
  const { t } = useTranslation("onboarding");
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  return (
    <AuthShell title={t("done.title", { name: tenant.name })}>
      <div className="space-y-6 text-center">
        <CircleCheck aria-hidden className="mx-auto size-14 text-emerald-600" />
        <p className="text-slate-700">{t("done.body")}</p>
        <p className="break-all rounded-lg bg-slate-100 p-3 font-mono text-sm">
          {origin}/s/{tenant.slug}
        </p>
        <div className="flex flex-col gap-3">
          <Button asChild>
            <Link to="/dashboard" reloadDocument>
              {t("done.goDashboard")}
            </Link>
          </Button>
          <Button asChild variant="outline">
            <a href={`/s/${tenant.slug}`} target="_blank" rel="noreferrer">
              <ExternalLink /> {t("done.viewSite")}
            </a>
          </Button>
        </div>
      </div>
    </AuthShell>
  );
}
