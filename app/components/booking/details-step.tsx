import { Timer } from "lucide-react";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TOptionSelection } from "#server/catalog/options";
import { Alert, Button, Field, Input, NativeSelect, Textarea } from "~/components/ui";
import { clientErrorOf, trpc } from "~/lib/trpc";
import { langOf, type Confirmed, type Hold } from "./booking-flow-state";
import { formatInZone, Panel } from "./booking-shell";
import { Summary } from "./booking-summary";
import type { BookableService, BookingPageView } from "./booking-types";

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

/** The public booking flow: service and options, a time, the customer's details (while the slot is held), the confirmation. */
function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** Step 3: the customer's details while the slot is held, then the booking is confirmed. */
export function DetailsStep({
  page,
  service,
  selection,
  hold,
  onPickAgain,
  onConfirmed,
}: {
  page: BookingPageView;
  service: BookableService;
  selection: TOptionSelection;
  hold: Hold;
  onPickAgain: () => void;
  onConfirmed: (c: Confirmed) => void;
}) {
  const { t, i18n } = useTranslation("booking");
  const locale = langOf(i18n.language);
  const { site } = page;
  const now = useNow(true);
  const left = hold.expiresAtMs - now;
  const expired = left <= 0;
  const [values, setValues] = useState({
    name: "",
    phone: "",
    email: "",
    locale,
    smsConsent: false,
    notes: "",
    line1: "",
    city: "",
    postalCode: "",
  });
  const [zipCheck, setZipCheck] = useState<{ zip: string; message: string | null } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [lost, setLost] = useState(false);
  const set = <K extends keyof typeof values>(k: K, v: (typeof values)[K]) => setValues((x) => ({ ...x, [k]: v }));
  const when = formatInZone(hold.startsAt, locale, site.timeZone);
  const time = formatInZone(hold.startsAt, locale, site.timeZone, "time");

  // Tell the customer at once when the business does not come to their ZIP (the server checks again on confirm).
  const checkZip = async () => {
    const zip = values.postalCode.trim();
    if (!page.addressRequired || !zip) return;
    try {
      const res = await trpc.booking.public.area.query({ slug: site.slug, postalCode: zip });
      const message = res.ok === false && res.messageKey ? t(res.messageKey) : null;
      setZipCheck({ zip, message });
      setErrors((e) => {
        const { postalCode: _old, ...rest } = e;
        return message ? { ...rest, postalCode: message } : rest;
      });
    } catch {
      // Offline or rate-limited: the confirm step decides.
    }
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!values.name.trim()) next.name = t("form.required");
    const phone = parsePhoneNumberFromString(values.phone.trim(), "US");
    if (!values.phone.trim()) next.phone = t("form.required");
    else if (!phone?.isValid()) next.phone = t("form.phoneInvalid");
    if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) next.email = t("form.emailInvalid");
    if (page.addressRequired) {
      if (!values.line1.trim()) next.line1 = t("form.required");
      if (!values.postalCode.trim()) next.postalCode = t("form.required");
      else if (zipCheck && zipCheck.zip === values.postalCode.trim() && zipCheck.message) next.postalCode = zipCheck.message;
    }
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) {
      setFormError(t("form.fixErrors"));
      const first = Object.keys(next)[0];
      document.getElementById(`booking-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const email = values.email.trim() || null;
      const res = await trpc.booking.public.confirm.mutate({
        slug: site.slug,
        holdId: hold.holdId,
        name: values.name.trim(),
        phone: phone!.number,
        email,
        locale: values.locale,
        smsConsent: values.smsConsent,
        notes: values.notes.trim() || null,
        address: page.addressRequired
          ? { line1: values.line1.trim(), city: values.city.trim() || undefined, postalCode: values.postalCode.trim() }
          : null,
      });
      onConfirmed({
        status: res.status,
        startsAt: res.startsAt,
        priceCents: res.priceCents,
        depositCents: res.depositCents,
        managePath: `${site.basePath}/booking/manage/${res.manageToken}`,
        phone: phone!.formatNational(),
        email,
        smsConsent: values.smsConsent,
      });
    } catch (error) {
      const { message, fields } = clientErrorOf(error);
      const key = (error as { data?: { i18nKey?: string | null } }).data?.i18nKey;
      if (key === "errors:booking.holdExpired") setLost(true);
      else {
        // Server field paths ("address.postalCode") onto this form's inputs ("postalCode").
        const mapped = Object.entries(fields).map(([k, v]) => [k.replace(/^address\./, ""), v] as const);
        setErrors(Object.fromEntries(mapped.filter(([k]) => ["name", "phone", "email", "notes", "line1", "postalCode"].includes(k))));
        setFormError(message);
      }
    } finally {
      setBusy(false);
    }
  };

  if (expired || lost) {
    return (
      <div className="space-y-4">
        <Alert variant="warning" description={t("hold.expired")} />
        <Button type="button" size="lg" onClick={onPickAgain} className="w-full bg-[var(--brand)] hover:opacity-90 sm:w-auto">
          {t("hold.pickAgain")}
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div
        role="timer"
        aria-live="off"
        className="flex items-center gap-3 rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900"
      >
        <Timer aria-hidden className="size-5 shrink-0" />
        <p className="flex-1 text-sm">{t("hold.heldFor", { time, countdown: formatCountdown(left) })}</p>
        <Button type="button" variant="link" size="sm" onClick={onPickAgain} className="shrink-0 text-emerald-900">
          {t("hold.changeTime")}
        </Button>
      </div>

      <Summary page={page} service={service} selection={selection} priced={hold} when={when} />

      <Panel>
        <form noValidate onSubmit={submit} className="space-y-4">
          {formError ? <Alert variant="danger" description={formError} /> : null}
          <Field label={t("form.name")} required error={errors.name} controlId="booking-name">
            <Input value={values.name} onChange={(e) => set("name", e.target.value)} autoComplete="name" maxLength={120} />
          </Field>
          <Field label={t("form.phone")} required error={errors.phone} hint={t("form.phoneHint")} controlId="booking-phone">
            <Input
              type="tel"
              inputMode="tel"
              value={values.phone}
              onChange={(e) => set("phone", e.target.value)}
              autoComplete="tel"
              placeholder="(512) 555-0123"
              maxLength={40}
            />
          </Field>
          <Field label={t("form.email")} error={errors.email} hint={t("form.emailHint")} controlId="booking-email">
            <Input
              type="email"
              inputMode="email"
              value={values.email}
              onChange={(e) => set("email", e.target.value)}
              autoComplete="email"
              maxLength={254}
            />
          </Field>
          {page.addressRequired ? (
            <fieldset className="space-y-3 rounded-xl border border-slate-200 p-3">
              <legend className="px-1 font-medium text-slate-900">{t("form.addressHeading")}</legend>
              {site.serviceAreaNote ? <p className="text-sm text-slate-600">{site.serviceAreaNote}</p> : null}
              <Field label={t("form.line1")} required error={errors.line1} controlId="booking-line1">
                <Input value={values.line1} onChange={(e) => set("line1", e.target.value)} autoComplete="street-address" maxLength={200} />
              </Field>
              <div className="grid grid-cols-[1fr_8rem] gap-3">
                <Field label={t("form.city")} controlId="booking-city">
                  <Input value={values.city} onChange={(e) => set("city", e.target.value)} autoComplete="address-level2" maxLength={100} />
                </Field>
                <Field label={t("form.postalCode")} required error={errors.postalCode} controlId="booking-postalCode">
                  <Input
                    value={values.postalCode}
                    onChange={(e) => set("postalCode", e.target.value)}
                    onBlur={checkZip}
                    inputMode="numeric"
                    autoComplete="postal-code"
                    maxLength={10}
                  />
                </Field>
              </div>
            </fieldset>
          ) : null}
          <Field label={t("form.language")} controlId="booking-locale">
            <NativeSelect value={values.locale} onChange={(e) => set("locale", e.target.value === "es" ? "es" : "en")}>
              <option value="en" lang="en">
                English
              </option>
              <option value="es" lang="es">
                Español
              </option>
            </NativeSelect>
          </Field>
          <Field label={t("form.notes")} error={errors.notes} hint={t("form.notesHint")} controlId="booking-notes">
            <Textarea value={values.notes} onChange={(e) => set("notes", e.target.value)} rows={3} maxLength={2000} />
          </Field>
          <label className="flex cursor-pointer items-start gap-3 rounded-xl border border-slate-200 bg-slate-50 p-3 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
            <input
              id="booking-smsConsent"
              type="checkbox"
              checked={values.smsConsent}
              onChange={(e) => set("smsConsent", e.target.checked)}
              className="mt-1 size-5 shrink-0 accent-[var(--brand)]"
            />
            <span className="text-sm leading-relaxed text-slate-800">{t("form.smsConsent")}</span>
          </label>
          <Button type="submit" size="lg" loading={busy} className="w-full bg-[var(--brand)] hover:opacity-90">
            {busy ? t("form.submitting") : t("form.submit")}
          </Button>
        </form>
      </Panel>
    </div>
  );
}
