import { CalendarCheck, CalendarClock, Clock, Timer } from "lucide-react";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { Fragment, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { quote, toggleChoice, type TOptionSelection } from "#server/catalog/options";
import type { TLocale } from "#server/i18n/localized-text";
import { Alert, Button, cn, Field, Input, NativeSelect, Textarea } from "~/components/ui";
import { formatCents } from "~/lib/money";
import { clientErrorOf, trpc } from "~/lib/trpc";
import { formatInZone, Panel } from "./booking-shell";
import type { BookableService, BookingPageView } from "./booking-types";
import { SlotPicker, type PickedSlot } from "./slot-picker";

type Step = "service" | "time" | "details" | "done";
const STEPS: Step[] = ["service", "time", "details", "done"];

interface Hold {
  holdId: string;
  startsAt: string;
  endsAt: string;
  priceCents: number;
  depositCents: number;
  durationMinutes: number;
  /** Client clock: when the hold runs out (server length, so clock skew does not matter). */
  expiresAtMs: number;
}

interface Confirmed {
  status: "REQUESTED" | "CONFIRMED";
  startsAt: string;
  priceCents: number;
  depositCents: number;
  managePath: string;
  phone: string;
  email: string | null;
  smsConsent: boolean;
}

function langOf(language: string | undefined): TLocale {
  return language?.startsWith("es") ? "es" : "en";
}

/** The default selection of a service: each SINGLE group's default choice. */
function defaultSelection(service: BookableService): TOptionSelection {
  const sel: TOptionSelection = {};
  for (const g of service.optionGroups) if (g.kind === "SINGLE" && g.defaultChoiceKey) sel[g.key] = [g.defaultChoiceKey];
  return sel;
}

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
export function BookingFlow({ page }: { page: BookingPageView }) {
  const { t, i18n } = useTranslation("booking");
  const locale = langOf(i18n.language);
  const { site } = page;
  const [step, setStep] = useState<Step>("service");
  const [serviceId, setServiceId] = useState<string | null>(
    page.preselectedServiceId ?? (page.services.length === 1 ? page.services[0].id : null),
  );
  const service = page.services.find((s) => s.id === serviceId) ?? null;
  const [selection, setSelection] = useState<TOptionSelection>(() => (service ? defaultSelection(service) : {}));
  const [hold, setHold] = useState<Hold | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [timeNotice, setTimeNotice] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const priced = useMemo(() => {
    if (!service) return null;
    try {
      return quote(service, selection);
    } catch {
      return null;
    }
  }, [service, selection]);

  const go = (next: Step) => {
    setStep(next);
    // Move focus to the new step's heading so screen readers and keyboards follow along.
    requestAnimationFrame(() => {
      headingRef.current?.focus();
      window.scrollTo({ top: 0 });
    });
  };

  const pickService = (s: BookableService) => {
    setServiceId(s.id);
    setSelection(defaultSelection(s));
  };

  const pickSlot = async (slot: PickedSlot) => {
    if (!service) return;
    setPending(slot.startsAt);
    setTimeNotice(null);
    try {
      const h = await trpc.booking.public.hold.mutate({
        slug: site.slug,
        serviceId: service.id,
        startsAt: slot.startsAt,
        options: selection,
      });
      setHold({ ...h, expiresAtMs: Date.now() + page.holdMinutes * 60_000 });
      go("details");
    } catch (error) {
      setTimeNotice(clientErrorOf(error).message || t("time.taken"));
      setReloadKey((k) => k + 1);
    } finally {
      setPending(null);
    }
  };

  const stepIndex = STEPS.indexOf(step);
  const title =
    step === "service"
      ? t("service.heading")
      : step === "time"
        ? t("time.heading")
        : step === "details"
          ? t("form.heading")
          : confirmed?.status === "REQUESTED"
            ? t("done.headingRequested")
            : t("done.heading");

  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm font-medium text-slate-600">
          {t("steps.label", { current: stepIndex + 1, total: STEPS.length })} · {t(`steps.${step}`)}
        </p>
        <div className="mt-2 flex gap-1" aria-hidden>
          {STEPS.map((s, i) => (
            <span key={s} className={cn("h-1.5 flex-1 rounded-full", i <= stepIndex ? "bg-[var(--brand)]" : "bg-slate-200")} />
          ))}
        </div>
        <h1 ref={headingRef} tabIndex={-1} className="mt-4 text-2xl font-bold tracking-tight text-slate-900 focus:outline-none sm:text-3xl">
          {title}
        </h1>
      </div>

      {step === "service" ? (
        <ServiceStep
          page={page}
          service={service}
          selection={selection}
          onService={pickService}
          onSelection={setSelection}
          priced={priced}
          onContinue={() => go("time")}
        />
      ) : null}

      {step === "time" && service ? (
        <>
          <Summary page={page} service={service} selection={selection} priced={priced} onChangeService={() => go("service")} />
          {timeNotice ? <Alert variant="warning" description={timeNotice} /> : null}
          <Panel>
            <SlotPicker
              slug={site.slug}
              serviceId={service.id}
              selection={selection}
              timeZone={site.timeZone}
              onPick={pickSlot}
              pendingStartsAt={pending}
              reloadKey={reloadKey}
            />
          </Panel>
        </>
      ) : null}

      {step === "details" && service && hold ? (
        <DetailsStep
          page={page}
          service={service}
          selection={selection}
          hold={hold}
          onPickAgain={() => {
            setHold(null);
            setReloadKey((k) => k + 1);
            go("time");
          }}
          onConfirmed={(c) => {
            setConfirmed(c);
            setHold(null);
            go("done");
          }}
        />
      ) : null}

      {step === "done" && service && confirmed ? (
        <DoneStep page={page} service={service} selection={selection} confirmed={confirmed} locale={locale} />
      ) : null}
    </div>
  );
}

function ServiceStep({
  page,
  service,
  selection,
  onService,
  onSelection,
  priced,
  onContinue,
}: {
  page: BookingPageView;
  service: BookableService | null;
  selection: TOptionSelection;
  onService: (s: BookableService) => void;
  onSelection: (s: TOptionSelection) => void;
  priced: ReturnType<typeof quote> | null;
  onContinue: () => void;
}) {
  const { t, i18n } = useTranslation("booking");
  const locale = langOf(i18n.language);
  const { site } = page;
  if (!page.services.length) return <Alert variant="info" description={t("service.none")} />;
  const money = (cents: number) => formatCents(cents, locale);

  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="mb-3 text-lg font-semibold text-slate-900">{t("service.choose")}</legend>
        <div className="grid grid-flow-row-dense gap-3 sm:grid-cols-2">
          {page.services.map((s) => {
            const checked = s.id === service?.id;
            return (
              <Fragment key={s.id}>
                <label
                  className={cn(
                    "relative flex cursor-pointer flex-col rounded-2xl border bg-white p-4 shadow-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
                    checked ? "border-[var(--brand)] ring-1 ring-[var(--brand)]" : "border-slate-200 hover:border-slate-400",
                  )}
                >
                  <input type="radio" name="service" value={s.id} checked={checked} onChange={() => onService(s)} className="sr-only" />
                  <span className="flex items-start justify-between gap-3">
                    <span className="font-semibold text-slate-900">{s.name}</span>
                    {site.showPrices ? (
                      <span className="shrink-0 font-semibold tabular-nums text-slate-900">{money(s.priceCents)}</span>
                    ) : null}
                  </span>
                  {s.description ? <span className="mt-1 text-sm text-slate-600">{s.description}</span> : null}
                  <span className="mt-2 inline-flex items-center gap-1 text-sm text-slate-600">
                    <Clock aria-hidden className="size-4" /> {t("service.minutes", { count: s.durationMinutes })}
                  </span>
                </label>
                {checked && s.optionGroups.length ? (
                  <OptionsPanel service={s} selection={selection} onSelection={onSelection} showPrices={site.showPrices} />
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </fieldset>

      {service && priced ? (
        <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_rgba(15,23,42,0.06)] backdrop-blur sm:bottom-4 sm:mx-0 sm:rounded-2xl sm:border sm:p-4 sm:shadow-lg">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
            <div className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-3 gap-y-0.5" aria-live="polite">
              {site.showPrices ? (
                <p className="whitespace-nowrap text-lg font-bold tabular-nums text-slate-900">
                  {t("service.total")}: {money(priced.priceCents)}
                </p>
              ) : null}
              <p className="whitespace-nowrap text-sm text-slate-600">{t("service.duration", { count: priced.durationMinutes })}</p>
              {priced.depositCents > 0 ? (
                <p className="w-full text-sm font-medium text-amber-800">{t("service.deposit", { amount: money(priced.depositCents) })}</p>
              ) : null}
            </div>
            <Button type="button" size="lg" onClick={onContinue} className="w-full shrink-0 bg-[var(--brand)] hover:opacity-90 sm:w-auto">
              {t("service.continue")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** The chosen service's options (SINGLE groups as radios, MULTI as checkboxes), right under its card. */
function OptionsPanel({
  service,
  selection,
  onSelection,
  showPrices,
}: {
  service: BookableService;
  selection: TOptionSelection;
  onSelection: (s: TOptionSelection) => void;
  showPrices: boolean;
}) {
  const { t, i18n } = useTranslation("booking");
  const locale = langOf(i18n.language);
  const money = (cents: number) => formatCents(cents, locale);
  const delta = (cents: number) =>
    cents > 0 ? t("service.plusPrice", { price: money(cents) }) : cents < 0 ? t("service.minusPrice", { price: money(-cents) }) : null;
  return (
    <div className="space-y-5 rounded-2xl border border-slate-200 bg-white p-4 sm:col-span-2">
      <p className="font-semibold text-slate-900">{t("service.options")}</p>
      {service.optionGroups.map((g) => (
        <fieldset key={g.key}>
          <legend className="mb-2 text-sm font-medium text-slate-700">{g.name[locale]}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {g.choices.map((c) => {
              const picked = (selection[g.key] ?? []).includes(c.key);
              const extra = [
                showPrices ? delta(c.priceDeltaCents) : null,
                c.durationDeltaMinutes > 0 ? t("service.plusMinutes", { count: c.durationDeltaMinutes }) : null,
              ]
                .filter(Boolean)
                .join(" · ");
              return (
                <label
                  key={c.key}
                  className={cn(
                    "flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border px-3 py-2 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
                    picked ? "border-[var(--brand)] bg-slate-50" : "border-slate-200 bg-white hover:border-slate-400",
                  )}
                >
                  <input
                    type={g.kind === "SINGLE" ? "radio" : "checkbox"}
                    name={`option-${g.key}`}
                    value={c.key}
                    checked={picked}
                    onChange={(e) => onSelection(toggleChoice(selection, g, c.key, e.target.checked))}
                    className="size-5 shrink-0 accent-[var(--brand)]"
                  />
                  <span className="flex-1 text-slate-900">{c.name[locale]}</span>
                  {extra ? <span className="text-sm tabular-nums text-slate-600">{extra}</span> : null}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

/** What is being booked, with a way back to change it. */
function Summary({
  page,
  service,
  selection,
  priced,
  when,
  onChangeService,
}: {
  page: BookingPageView;
  service: BookableService;
  selection: TOptionSelection;
  priced: { priceCents: number; depositCents: number; durationMinutes: number } | null;
  when?: string;
  onChangeService?: () => void;
}) {
  const { t, i18n } = useTranslation("booking");
  const locale = langOf(i18n.language);
  const { site } = page;
  const options = service.optionGroups.flatMap((g) =>
    g.choices.filter((c) => (selection[g.key] ?? []).includes(c.key)).map((c) => c.name[locale]),
  );
  return (
    <Panel className="!p-4">
      <dl className="grid grid-cols-[auto,1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-600">{t("summary.service")}</dt>
        <dd className="font-medium text-slate-900">
          {service.name}
          {options.length ? <span className="block font-normal text-slate-600">{options.join(", ")}</span> : null}
        </dd>
        {when ? (
          <>
            <dt className="text-slate-600">{t("summary.when")}</dt>
            <dd className="font-medium text-slate-900">{when}</dd>
          </>
        ) : null}
        {priced ? (
          <>
            <dt className="text-slate-600">{t("summary.duration")}</dt>
            <dd className="text-slate-900">{t("service.minutes", { count: priced.durationMinutes })}</dd>
          </>
        ) : null}
        {priced && site.showPrices ? (
          <>
            <dt className="text-slate-600">{t("summary.price")}</dt>
            <dd className="font-medium tabular-nums text-slate-900">{formatCents(priced.priceCents, locale)}</dd>
          </>
        ) : null}
        {priced && priced.depositCents > 0 ? (
          <>
            <dt className="text-slate-600">{t("summary.deposit")}</dt>
            <dd className="tabular-nums text-slate-900">{formatCents(priced.depositCents, locale)}</dd>
          </>
        ) : null}
        {site.serviceAreaNote ? (
          <>
            <dt className="text-slate-600">{t("summary.where")}</dt>
            <dd className="text-slate-900">{site.serviceAreaNote}</dd>
          </>
        ) : null}
      </dl>
      {onChangeService ? (
        <Button type="button" variant="link" size="sm" onClick={onChangeService} className="mt-2 !px-0">
          {t("time.change")}
        </Button>
      ) : null}
    </Panel>
  );
}

function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

function DetailsStep({
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

function DoneStep({
  page,
  service,
  selection,
  confirmed,
  locale,
}: {
  page: BookingPageView;
  service: BookableService;
  selection: TOptionSelection;
  confirmed: Confirmed;
  locale: TLocale;
}) {
  const { t } = useTranslation("booking");
  const { site } = page;
  const when = formatInZone(confirmed.startsAt, locale, site.timeZone);
  const priced = { ...confirmed, durationMinutes: quoteMinutes(service, selection) };
  return (
    <div className="space-y-4">
      <div role="status" className="flex items-start gap-3 rounded-2xl border border-emerald-200 bg-emerald-50 p-4 text-emerald-950">
        {confirmed.status === "REQUESTED" ? (
          <CalendarClock aria-hidden className="mt-0.5 size-6 shrink-0" />
        ) : (
          <CalendarCheck aria-hidden className="mt-0.5 size-6 shrink-0" />
        )}
        <div className="space-y-1">
          <p className="font-semibold">
            {confirmed.status === "REQUESTED"
              ? t("done.bodyRequested", { business: site.name })
              : t("done.body", { business: site.name, when })}
          </p>
          {confirmed.smsConsent ? <p className="text-sm">{t("done.sms", { phone: confirmed.phone })}</p> : null}
          {confirmed.email ? <p className="text-sm">{t("done.email", { email: confirmed.email })}</p> : null}
        </div>
      </div>
      <Summary page={page} service={service} selection={selection} priced={priced} when={when} />
      <Panel title={t("done.manage")} titleId="manage-h">
        <a
          href={confirmed.managePath}
          className="inline-flex min-h-12 w-full items-center justify-center rounded-lg border border-slate-300 bg-white px-5 font-semibold text-slate-900 shadow-sm hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 sm:w-auto"
        >
          {t("done.manageCta")}
        </a>
        <p className="mt-2 text-sm text-slate-600">{t("done.manageHint")}</p>
      </Panel>
      <a href={`${site.basePath}/book`} className="inline-block min-h-11 py-2 font-medium text-slate-700 underline underline-offset-4">
        {t("done.again")}
      </a>
    </div>
  );
}

function quoteMinutes(service: BookableService, selection: TOptionSelection): number {
  try {
    return quote(service, selection).durationMinutes;
  } catch {
    return service.durationMinutes;
  }
}
