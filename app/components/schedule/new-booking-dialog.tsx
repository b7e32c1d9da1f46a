import { Search, UserPlus, Users } from "lucide-react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Alert,
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Input,
  NativeSelect,
  Textarea,
  cn,
} from "~/components/ui";
import { toggleChoice, type TOptionGroup } from "#server/catalog/options";
import { clientErrorOf, trpc } from "~/lib/trpc";
import type { ScheduleBooking } from "./booking-card";
import { displayPhone } from "./phone-display";
import { SlotPicker, type PickedSlot } from "./slot-picker";
import { BOOKING_TEXT_LIMITS } from "#server/booking/booking.types";

export interface ScheduleService {
  id: string;
  name: { en: string; es: string };
  durationMinutes: number;
  priceCents: number;
  optionGroups: TOptionGroup[];
}

type TSelection = Record<string, string[]>;

/** SINGLE groups start on their default choice. */
function defaultSelection(service: ScheduleService | undefined): TSelection {
  const sel: TSelection = {};
  for (const g of service?.optionGroups ?? []) if (g.kind === "SINGLE" && g.defaultChoiceKey) sel[g.key] = [g.defaultChoiceKey];
  return sel;
}

interface FoundCustomer {
  id: string;
  name: string;
  phone: string | null;
}

const SLOT_TAKEN = "errors:booking.slotTaken";

/**
 * A member books a customer: find them (or type a new name and phone), pick the service,
 * who does it (or anyone), the day and a free time from the slot engine.
 */
export function NewBookingDialog({
  open,
  onOpenChange,
  services,
  staff,
  defaultDate,
  defaultLocale,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  services: ScheduleService[];
  staff: Array<{ id: string; name: string }>;
  defaultDate: string;
  defaultLocale: "en" | "es";
  onCreated: (booking: ScheduleBooking) => void;
}) {
  const { t, i18n } = useTranslation(["schedule", "common"]);
  const locale = i18n.language;
  const [mode, setMode] = useState<"search" | "new">("search");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<FoundCustomer[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [customer, setCustomer] = useState<FoundCustomer | null>(null);
  const [newName, setNewName] = useState("");
  const [newPhone, setNewPhone] = useState("");
  const [serviceId, setServiceId] = useState(services[0]?.id ?? "");
  const [staffId, setStaffId] = useState("");
  const [selection, setSelection] = useState<TSelection>(() => defaultSelection(services[0]));
  const [date, setDate] = useState(defaultDate);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [notes, setNotes] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  // A fresh form each time it opens, on the day the schedule shows.
  useEffect(() => {
    if (!open) return;
    setMode("search");
    setQuery("");
    setResults(null);
    setCustomer(null);
    setNewName("");
    setNewPhone("");
    setServiceId(services[0]?.id ?? "");
    setSelection(defaultSelection(services[0]));
    setStaffId("");
    setDate(defaultDate);
    setSlot(null);
    setNotes("");
    setError(null);
  }, [open, defaultDate, services]);

  useEffect(() => {
    if (mode !== "search" || customer) return;
    const q = query.trim();
    if (q.length < 2) {
      setResults(null);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = setTimeout(() => {
      trpc.customers.list
        .query({ q, limit: 6 })
        .then((page) => live && setResults(page.items.map((c) => ({ id: c.id, name: c.name, phone: c.phone }))))
        .catch(() => live && setResults([]))
        .finally(() => live && setSearching(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, mode, customer]);

  const staffNames = useMemo(() => new Map(staff.map((s) => [s.id, s.name])), [staff]);
  const onSlot = useCallback((s: PickedSlot | null) => setSlot(s), []);
  const service = services.find((s) => s.id === serviceId);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const who = mode === "search" ? (customer ? { id: customer.id } : null) : { name: newName, phone: newPhone, locale: defaultLocale };
    if (!who || (mode === "new" && (!newName.trim() || !newPhone.trim()))) {
      setError({ message: t("create.pickCustomer"), fields: {} });
      return;
    }
    if (!slot) {
      setError({ message: t("create.pickSlot"), fields: {} });
      return;
    }
    setBusy(true);
    try {
      const options = service?.optionGroups.length ? selection : undefined;
      const booking = await trpc.booking.create.mutate({
        serviceId,
        startsAt: slot.startsAt,
        staffId: staffId || null,
        options,
        customer: who,
        notes: notes.trim() || null,
      });
      onCreated(booking);
    } catch (e) {
      const failure = clientErrorOf(e);
      const key = (e as { data?: { i18nKey?: string | null } }).data?.i18nKey;
      if (key === SLOT_TAKEN) {
        setSlot(null);
        setRefreshKey((k) => k + 1);
        setError({ message: t("errors.slotTakenRefreshed"), fields: {} });
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => error?.fields[name] ?? error?.fields[`customer.${name}`];

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("common:close")} className="sm:max-w-xl" aria-describedby="new-booking-description">
        <DialogHeader>
          <DialogTitle>{t("create.title")}</DialogTitle>
          <DialogDescription id="new-booking-description">{t("create.description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="flex flex-1 flex-col gap-5" noValidate>
          <fieldset className="min-w-0 space-y-3">
            <legend className="mb-2 text-sm font-semibold text-slate-900">{t("create.customer")}</legend>
            {customer ? (
              <div className="flex items-center gap-3 rounded-lg border border-brand-200 bg-brand-50 p-3">
                <Users aria-hidden className="size-5 text-brand-700" />
                <p className="min-w-0 flex-1 truncate text-sm" data-testid="selected-customer">
                  {t("create.selected", { name: customer.name })}
                  {customer.phone ? <span className="text-slate-600"> · {displayPhone(customer.phone)}</span> : null}
                </p>
                <Button type="button" variant="ghost" size="sm" onClick={() => setCustomer(null)}>
                  {t("create.change")}
                </Button>
              </div>
            ) : mode === "search" ? (
              <>
                <Field label={t("create.searchCustomer")} hideLabel>
                  <div className="relative">
                    <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-500" />
                    <Input
                      type="search"
                      className="pl-9"
                      placeholder={t("create.searchCustomer")}
                      aria-label={t("create.searchCustomer")}
                      value={query}
                      onChange={(e) => setQuery(e.target.value)}
                      autoComplete="off"
                    />
                  </div>
                </Field>
                {searching ? <p className="text-sm text-slate-600">{t("create.searching")}</p> : null}
                {results && !searching ? (
                  results.length ? (
                    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="customer-results">
                      {results.map((c) => (
                        <li key={c.id}>
                          <button
                            type="button"
                            className="flex min-h-11 w-full items-center justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
                            onClick={() => setCustomer(c)}
                          >
                            <span className="font-medium">{c.name}</span>
                            <span className="text-slate-600 tabular-nums">{c.phone ? displayPhone(c.phone) : null}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-sm text-slate-600">{t("create.noMatches")}</p>
                  )
                ) : null}
                <Button type="button" variant="outline" size="sm" onClick={() => setMode("new")}>
                  <UserPlus aria-hidden /> {t("create.newCustomer")}
                </Button>
              </>
            ) : (
              <>
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field label={t("create.name")} required error={fieldError("name")}>
                    <Input
                      name="customerName"
                      value={newName}
                      onChange={(e) => setNewName(e.target.value)}
                      autoComplete="off"
                      maxLength={BOOKING_TEXT_LIMITS.name}
                    />
                  </Field>
                  <Field label={t("create.phone")} required hint={t("create.phoneHint")} error={fieldError("phone")}>
                    <Input
                      name="customerPhone"
                      type="tel"
                      inputMode="tel"
                      value={newPhone}
                      onChange={(e) => setNewPhone(e.target.value)}
                      autoComplete="off"
                    />
                  </Field>
                </div>
                <Button type="button" variant="ghost" size="sm" onClick={() => setMode("search")}>
                  <Search aria-hidden /> {t("create.existingCustomer")}
                </Button>
              </>
            )}
          </fieldset>

          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("create.service")} className="sm:col-span-2">
              <NativeSelect
                name="serviceId"
                value={serviceId}
                onChange={(e) => {
                  setServiceId(e.target.value);
                  setSelection(defaultSelection(services.find((s) => s.id === e.target.value)));
                }}
              >
                {services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {(locale === "es" ? s.name.es : s.name.en) + " · " + t("create.minutes", { count: s.durationMinutes })}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field label={t("create.staff")}>
              <NativeSelect name="staffId" value={staffId} onChange={(e) => setStaffId(e.target.value)}>
                <option value="">{t("anyone")}</option>
                {staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field label={t("create.date")}>
              <Input type="date" name="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
            </Field>
          </div>

          {service?.optionGroups.length ? (
            <ServiceOptions groups={service.optionGroups} selection={selection} onSelection={setSelection} />
          ) : null}

          <div className="space-y-2">
            <p className="text-sm font-semibold text-slate-900">{t("create.time")}</p>
            {service ? (
              <SlotPicker
                serviceId={service.id}
                selection={service.optionGroups.length ? selection : undefined}
                staffId={staffId || null}
                date={date}
                value={slot?.startsAt ?? null}
                onChange={onSlot}
                staffNames={staffNames}
                refreshKey={refreshKey}
              />
            ) : null}
          </div>

          <Field label={t("create.notes")}>
            <Textarea
              name="notes"
              rows={2}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              maxLength={BOOKING_TEXT_LIMITS.notes}
            />
          </Field>

          {error ? <Alert variant="danger" description={error.message} /> : null}

          <DialogFooter
            className={cn(
              "sticky -bottom-4 -mx-4 border-t border-slate-200 bg-white px-4 pb-4 sm:static sm:mx-0 sm:border-0 sm:px-0 sm:pb-0",
            )}
          >
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" loading={busy} loadingText={t("create.submitting")}>
              {t("create.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The service's choices that change price or time: SINGLE groups as radios, MULTI as checkboxes. */
function ServiceOptions({
  groups,
  selection,
  onSelection,
}: {
  groups: TOptionGroup[];
  selection: TSelection;
  onSelection: (s: TSelection) => void;
}) {
  const { t, i18n } = useTranslation("schedule");
  const locale = i18n.language === "es" ? "es" : "en";
  return (
    <div className="space-y-3" data-testid="service-options">
      <p className="text-sm font-semibold text-slate-900">{t("create.options")}</p>
      {groups.map((g) => (
        <fieldset key={g.key} className="min-w-0">
          <legend className="mb-1 text-sm text-slate-700">{g.name[locale]}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {g.choices.map((c) => {
              const picked = (selection[g.key] ?? []).includes(c.key);
              const extra = c.durationDeltaMinutes > 0 ? t("create.plusMinutes", { count: c.durationDeltaMinutes }) : null;
              return (
                <label
                  key={c.key}
                  className={cn(
                    "flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
                    picked ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white",
                  )}
                >
                  <input
                    type={g.kind === "SINGLE" ? "radio" : "checkbox"}
                    name={`option-${g.key}`}
                    value={c.key}
                    checked={picked}
                    onChange={(e) => onSelection(toggleChoice(selection, g, c.key, e.target.checked))}
                    className="size-4 shrink-0 accent-brand-600"
                  />
                  <span className="flex-1">{c.name[locale]}</span>
                  {extra ? <span className="text-slate-600 tabular-nums">{extra}</span> : null}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
