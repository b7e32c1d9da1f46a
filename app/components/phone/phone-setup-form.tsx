import { Form } from "@remix-run/react";
import { Plus, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, cn, Field, Input, Switch } from "~/components/ui";
import { displayPhone } from "~/lib/config-forms";

export const PHONE_MODES = ["AI_FIRST", "HUMAN_FIRST", "HYBRID"] as const;
const STRATEGIES = ["SEQUENTIAL", "SIMULTANEOUS"] as const;

export interface TPhoneSetupValue {
  number: string | null;
  ringTargets: Array<{ name: string; phone: string }>;
  ringStrategy: (typeof STRATEGIES)[number];
  mode: (typeof PHONE_MODES)[number];
  ringSeconds: number;
  alwaysTextAndNotify: boolean;
  missedCallTextBack: boolean;
  bilingualMenu: boolean;
  pronunciations: Array<{ written: string; spoken: string }>;
}

/**
 * The PHONE node as a form. Field names match config-forms' PHONE spec, so the action turns
 * the post into a patch with `formToPatch("PHONE", form)`. Inputs are uncontrolled: after a
 * refused save the page keeps everything typed (the route remounts the form only on success).
 */
export function PhoneSetupForm({
  value,
  errors,
  canEdit,
  busy,
}: {
  value: TPhoneSetupValue;
  errors: Record<string, string>;
  canEdit: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation(["phone", "common"]);
  const [mode, setMode] = useState(value.mode);
  const errorAt = (path: string) => errors[path];
  return (
    <Form method="post" className="space-y-6" noValidate>
      <fieldset disabled={!canEdit} className="space-y-6">
        <Section title={t("setup.numberSection")}>
          <Field label={t("setup.number.label")} hint={t("setup.number.hint")} error={errorAt("number")}>
            <Input
              name="number"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              defaultValue={displayPhone(value.number)}
              className="sm:max-w-xs"
            />
          </Field>
        </Section>

        <Section title={t("setup.modeSection")}>
          <fieldset>
            <legend className="sr-only">{t("setup.modeSection")}</legend>
            <div className="grid gap-3 lg:grid-cols-3">
              {PHONE_MODES.map((m) => (
                <label
                  key={m}
                  className={cn(
                    "flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border p-4 transition-colors",
                    mode === m ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600" : "border-slate-200 bg-white hover:border-slate-300",
                  )}
                >
                  <input
                    type="radio"
                    name="mode"
                    value={m}
                    checked={mode === m}
                    onChange={() => setMode(m)}
                    className="mt-1 size-5 shrink-0 accent-brand-600"
                    aria-labelledby={`mode-${m}-label`}
                    aria-describedby={`mode-${m}-hint`}
                  />
                  <span>
                    <span id={`mode-${m}-label`} className="block font-medium text-slate-900">
                      {t(`setup.modes.${m}.label`)}
                    </span>
                    <span id={`mode-${m}-hint`} className="block text-sm text-slate-600">
                      {t(`setup.modes.${m}.hint`)}
                    </span>
                  </span>
                </label>
              ))}
            </div>
            {errorAt("mode") ? <p className="mt-2 text-sm font-medium text-red-700">{errorAt("mode")}</p> : null}
          </fieldset>
          <Field
            label={t("setup.ringSeconds.label")}
            hint={t("setup.ringSeconds.hint")}
            error={errorAt("ringSeconds")}
            className={mode === "AI_FIRST" ? "opacity-80" : undefined}
          >
            <Input
              name="ringSeconds"
              type="number"
              inputMode="numeric"
              min={5}
              max={60}
              defaultValue={String(value.ringSeconds)}
              className="sm:w-32"
            />
          </Field>
        </Section>

        <Section title={t("setup.ringSection")} description={t("setup.ringHint")}>
          <RowsEditor
            path="ringTargets"
            rows={value.ringTargets.map((r) => ({ a: r.name, b: displayPhone(r.phone) }))}
            columns={[
              { key: "name", label: t("setup.ringTargets.name"), autoComplete: "name" },
              { key: "phone", label: t("setup.ringTargets.phone"), type: "tel" },
            ]}
            max={10}
            errors={errors}
            addLabel={t("setup.ringTargets.add")}
            removeLabel={(a) => (a ? t("setup.ringTargets.remove", { name: a }) : t("setup.ringTargets.removeEmpty"))}
            emptyText={t("setup.ringTargets.empty")}
            listError={errorAt("ringTargets")}
          />
          <fieldset>
            <legend className="mb-2 font-medium text-slate-900">{t("setup.ringStrategy.label")}</legend>
            <div className="flex flex-col gap-2 sm:flex-row">
              {STRATEGIES.map((s) => (
                <label
                  key={s}
                  className="flex min-h-11 flex-1 cursor-pointer items-center gap-3 rounded-lg border border-slate-200 px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="radio"
                    name="ringStrategy"
                    value={s}
                    defaultChecked={value.ringStrategy === s}
                    className="size-5 accent-brand-600"
                  />
                  {t(`setup.ringStrategy.${s}`)}
                </label>
              ))}
            </div>
            {errorAt("ringStrategy") ? <p className="mt-2 text-sm font-medium text-red-700">{errorAt("ringStrategy")}</p> : null}
          </fieldset>
        </Section>

        <Section title={t("setup.textsSection")}>
          <Toggle
            name="alwaysTextAndNotify"
            checked={value.alwaysTextAndNotify}
            label={t("setup.alwaysTextAndNotify.label")}
            hint={t("setup.alwaysTextAndNotify.hint")}
          />
          <Toggle
            name="missedCallTextBack"
            checked={value.missedCallTextBack}
            label={t("setup.missedCallTextBack.label")}
            hint={t("setup.missedCallTextBack.hint")}
          />
        </Section>

        <Section title={t("setup.languageSection")}>
          <Toggle
            name="bilingualMenu"
            checked={value.bilingualMenu}
            label={t("setup.bilingualMenu.label")}
            hint={t("setup.bilingualMenu.hint")}
          />
          <div>
            <p className="font-medium text-slate-900">{t("setup.pronunciations.label")}</p>
            <p className="mb-2 text-sm text-slate-600">{t("setup.pronunciations.hint")}</p>
            <RowsEditor
              path="pronunciations"
              rows={value.pronunciations.map((r) => ({ a: r.written, b: r.spoken }))}
              columns={[
                { key: "written", label: t("setup.pronunciations.written") },
                { key: "spoken", label: t("setup.pronunciations.spoken") },
              ]}
              max={100}
              errors={errors}
              addLabel={t("setup.pronunciations.add")}
              removeLabel={(a) => (a ? t("setup.pronunciations.remove", { word: a }) : t("setup.pronunciations.removeEmpty"))}
              emptyText={t("setup.pronunciations.empty")}
              listError={errorAt("pronunciations")}
            />
          </div>
        </Section>
      </fieldset>
      {canEdit ? (
        <div className="sticky bottom-0 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
          <Button type="submit" name="intent" value="save" loading={busy} loadingText={t("common:saving")} className="w-full sm:w-auto">
            {t("setup.save")}
          </Button>
        </div>
      ) : null}
    </Form>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
      <div>
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

function Toggle({ name, checked, label, hint }: { name: string; checked: boolean; label: string; hint: string }) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <label htmlFor={id} className="font-medium text-slate-900">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      </div>
      <Switch id={id} name={name} defaultChecked={checked} aria-describedby={`${id}-hint`} />
    </div>
  );
}

interface RowsEditorProps {
  path: string;
  rows: Array<{ a: string; b: string }>;
  columns: [
    { key: string; label: string; type?: string; autoComplete?: string },
    { key: string; label: string; type?: string; autoComplete?: string },
  ];
  max: number;
  errors: Record<string, string>;
  addLabel: string;
  removeLabel: (first: string) => string;
  emptyText: string;
  listError?: string;
}

/**
 * A list of two-column rows (name + phone, written + spoken). Rows post as repeated fields
 * (`ringTargets.name`, `ringTargets.phone`), read back in order by formToPatch. Row errors
 * arrive as `ringTargets.<index>.<column>`.
 */
function RowsEditor({ path, rows: initial, columns, max, errors, addLabel, removeLabel, emptyText, listError }: RowsEditorProps) {
  const [rows, setRows] = useState(() => initial.map((r, id) => ({ id, first: r.a, ...r })));
  const [nextId, setNextId] = useState(initial.length);
  // Errors name rows by their position among the posted (non-empty) rows, which matches
  // the on-screen order as long as no row was left entirely empty.
  return (
    <div>
      {rows.length === 0 ? <p className="text-sm text-slate-600">{emptyText}</p> : null}
      <ul className="space-y-3">
        {rows.map((r, index) => (
          <li key={r.id} className="flex items-start gap-2 rounded-xl border border-slate-200 p-3 sm:border-0 sm:p-0">
            <div className="grid flex-1 gap-2 sm:grid-cols-2">
              {columns.map((c, ci) => (
                <Field key={c.key} label={c.label} error={errors[`${path}.${index}.${c.key}`]}>
                  <Input
                    name={`${path}.${c.key}`}
                    type={c.type ?? "text"}
                    inputMode={c.type === "tel" ? "tel" : undefined}
                    autoComplete={c.autoComplete ?? "off"}
                    defaultValue={ci === 0 ? r.a : r.b}
                    onChange={
                      ci === 0
                        ? (e) => {
                            const first = e.currentTarget.value;
                            setRows((all) => all.map((x) => (x.id === r.id ? { ...x, first } : x)));
                          }
                        : undefined
                    }
                  />
                </Field>
              ))}
            </div>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="mt-7 shrink-0"
              aria-label={removeLabel(r.first.trim())}
              onClick={() => setRows((all) => all.filter((x) => x.id !== r.id))}
            >
              <Trash2 />
            </Button>
          </li>
        ))}
      </ul>
      {listError ? <p className="mt-2 text-sm font-medium text-red-700">{listError}</p> : null}
      {rows.length < max ? (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="mt-3"
          onClick={() => {
            setRows((all) => [...all, { id: nextId, first: "", a: "", b: "" }]);
            setNextId((n) => n + 1);
          }}
        >
          <Plus /> {addLabel}
        </Button>
      ) : null}
    </div>
  );
}
