import { Form } from "@remix-run/react";
import { ChevronDown } from "lucide-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { FIELD_LIMITS, type TCustomerFieldDef, type TCustomerFields } from "#server/customers/customer-fields";
import { CONSENT_METHODS, CUSTOMER_TEXT_LIMITS, type TCustomerAddress } from "#server/customers/customers.types";
import { formatPhone } from "#server/customers/phone";
import { Button, Field, Input, NativeSelect, Textarea } from "~/components/ui";
import { ADDRESS_KEYS, errorFor } from "./customer-form-data";
import { ListFieldEditor } from "./list-field-editor";

export interface CustomerFormValues {
  name: string;
  phone: string | null;
  email: string | null;
  locale: "en" | "es";
  tags: string[];
  notes: string | null;
  address: TCustomerAddress | null;
  fields: TCustomerFields;
}

export interface CustomerFormProps {
  intent: "create" | "update";
  defs: readonly TCustomerFieldDef[];
  values: CustomerFormValues;
  /** Field path -> translated message, from the last failed submit. */
  errors: Record<string, string> | null;
  /** Changes with every failed submit, so focus moves to the first invalid field again. */
  errorStamp?: number;
  canEdit: boolean;
  busy: boolean;
  /** The new-customer form also records consent to texts. */
  withConsent?: boolean;
  /** Shown under the phone field (e.g. "this number already belongs to…"). */
  phoneNote?: React.ReactNode;
  onPhoneBlur?: (value: string) => void;
}

/** The customer's details, phone first. Works without JavaScript (lists then get one new line per save). */
export function CustomerForm({
  intent,
  defs,
  values,
  errors,
  errorStamp,
  canEdit,
  busy,
  withConsent,
  phoneNote,
  onPhoneBlur,
}: CustomerFormProps) {
  const { t, i18n } = useTranslation(["customers", "common"]);
  const lang = i18n.language?.startsWith("es") ? "es" : "en";
  const formRef = useRef<HTMLFormElement>(null);
  const e = (path: string) => errorFor(errors, path);

  // After a refused save, take keyboard and screen-reader users to the first problem.
  useEffect(() => {
    if (errors && Object.keys(errors).length) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, errorStamp]);

  return (
    <Form method="post" ref={formRef} noValidate className="space-y-6">
      <input type="hidden" name="intent" value={intent} />
      <fieldset disabled={!canEdit} className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("form.phone")} hint={phoneNote ?? t("form.phoneHint")} error={e("phone")}>
            <Input
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              defaultValue={formatPhone(values.phone)}
              maxLength={CUSTOMER_TEXT_LIMITS.phone}
              onBlur={onPhoneBlur ? (ev) => onPhoneBlur(ev.currentTarget.value) : undefined}
            />
          </Field>
          <Field label={t("form.name")} error={e("name")} required>
            <Input name="name" autoComplete="off" defaultValue={values.name} maxLength={CUSTOMER_TEXT_LIMITS.name} required />
          </Field>
          <Field label={t("form.email")} error={e("email")}>
            <Input
              name="email"
              type="email"
              inputMode="email"
              autoComplete="off"
              defaultValue={values.email ?? ""}
              maxLength={CUSTOMER_TEXT_LIMITS.email}
            />
          </Field>
          <Field label={t("form.locale")} hint={t("form.localeHint")} error={e("locale")}>
            <NativeSelect name="locale" defaultValue={values.locale}>
              <option value="en">{t("common:languages.en")}</option>
              <option value="es">{t("common:languages.es")}</option>
            </NativeSelect>
          </Field>
        </div>

        {defs.length ? (
          <div className="space-y-4 border-t border-slate-200 pt-5">
            {defs.map((def) => {
              const label = def.label[lang];
              const path = `fields.${def.key}`;
              const value = values.fields[def.key];
              if (def.type === "list") {
                return (
                  <fieldset key={def.key} className="space-y-2">
                    <legend className="mb-1.5 text-sm font-medium text-slate-900">{label}</legend>
                    <ListFieldEditor
                      name={path}
                      label={label}
                      values={Array.isArray(value) ? value : []}
                      errorFor={(i) => e(`${path}.${i}`)}
                      disabled={!canEdit}
                    />
                    {errors?.[path] ? <p className="text-sm font-medium text-red-700">{errors[path]}</p> : null}
                  </fieldset>
                );
              }
              return (
                <Field key={def.key} label={label} error={errors?.[path]}>
                  <Input
                    name={path}
                    defaultValue={value === undefined ? "" : String(value)}
                    inputMode={def.type === "number" ? "decimal" : undefined}
                    maxLength={FIELD_LIMITS.textLength}
                  />
                </Field>
              );
            })}
          </div>
        ) : null}

        <div className="grid gap-4 border-t border-slate-200 pt-5">
          <Field label={t("form.tags")} hint={t("form.tagsHint")} error={e("tags")}>
            <Input name="tags" autoComplete="off" defaultValue={values.tags.join(", ")} />
          </Field>
          <Field label={t("form.notes")} hint={t("form.notesHint")} error={e("notes")}>
            <Textarea name="notes" defaultValue={values.notes ?? ""} rows={3} maxLength={CUSTOMER_TEXT_LIMITS.notes} />
          </Field>
        </div>

        <details
          className="group rounded-lg border border-slate-200 px-4 py-1 open:pb-4"
          open={Boolean(values.address) || Boolean(e("address"))}
        >
          <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 text-sm font-medium text-slate-900 [&::-webkit-details-marker]:hidden">
            {t("form.address")}
            <ChevronDown aria-hidden className="size-4 text-slate-500 transition-transform group-open:rotate-180" />
          </summary>
          <div className="mt-2 grid gap-4 sm:grid-cols-6">
            {ADDRESS_KEYS.map((k) => (
              <Field
                key={k}
                label={t(`form.addressFields.${k}`)}
                error={e(`address.${k}`)}
                className={
                  k === "line1" || k === "line2"
                    ? "sm:col-span-6"
                    : k === "city"
                      ? "sm:col-span-3"
                      : k === "state"
                        ? "sm:col-span-1"
                        : "sm:col-span-2"
                }
              >
                <Input
                  name={`address.${k}`}
                  defaultValue={values.address?.[k] ?? ""}
                  maxLength={CUSTOMER_TEXT_LIMITS.addressLine}
                  autoComplete="off"
                />
              </Field>
            ))}
          </div>
        </details>

        {withConsent ? <NewCustomerConsent error={e("smsConsent")} /> : null}
      </fieldset>
      {canEdit ? (
        <div className="flex flex-col gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end">
          <Button type="submit" loading={busy} loadingText={t("common:saving")}>
            {intent === "create" ? t("form.create") : t("form.save")}
          </Button>
        </div>
      ) : null}
    </Form>
  );
}

function NewCustomerConsent({ error }: { error?: string }) {
  const { t } = useTranslation("customers");
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium text-slate-900">{t("consent.title")}</legend>
      <label className="flex min-h-11 items-start gap-3">
        <input
          type="checkbox"
          name="smsConsent"
          className="mt-0.5 size-6 shrink-0 rounded border-slate-500 text-brand-600 focus-visible:ring-2 focus-visible:ring-brand-500"
          aria-describedby={error ? "sms-consent-error" : undefined}
        />
        <span className="text-sm text-slate-900">{t("consent.newAgreed")}</span>
      </label>
      {error ? (
        <p id="sms-consent-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("consent.method")}>
          <NativeSelect name="method" defaultValue="inPerson">
            {CONSENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`consent.methods.${m}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label={t("consent.words")} hint={t("consent.wordsHint")}>
          <Input name="words" maxLength={CUSTOMER_TEXT_LIMITS.consentWords} />
        </Field>
      </div>
    </fieldset>
  );
}
