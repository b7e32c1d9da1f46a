import { Form, Link } from "@remix-run/react";
import { Combine, Users } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { TCustomerFieldDef } from "#server/customers/customer-fields";
import type { TCustomerDetails, TDuplicateCandidate } from "#server/customers/customers.types";
import { formatPhone } from "#server/customers/phone";
import { useId, useState } from "react";
import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  cn,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "~/components/ui";
import { dateFormatter, displayName } from "./customer-format";

/** Records that are probably the same person, each with a way to compare them with this one. */
export function DuplicatesPanel({
  candidates,
  canEdit,
  customerId,
}: {
  candidates: TDuplicateCandidate[];
  canEdit: boolean;
  customerId: string;
}) {
  const { t } = useTranslation("customers");
  if (!candidates.length) return null;
  return (
    <Card className="border-amber-300">
      <CardHeader className="pb-3 sm:pb-4">
        <CardTitle as="h2" className="flex items-center gap-2">
          <Users aria-hidden className="size-5 text-amber-700" /> {t("duplicates.title")}
        </CardTitle>
        <CardDescription>{t("duplicates.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y divide-slate-100">
          {candidates.map(({ customer: c, reasons }) => (
            <li key={c.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:gap-3">
              <div className="min-w-0 flex-1">
                <Link to={`/dashboard/customers/${c.id}`} className="font-medium text-slate-900 underline-offset-4 hover:underline">
                  {displayName(c)}
                </Link>
                <p className="break-words text-sm text-slate-600">
                  {[formatPhone(c.phone), c.email].filter(Boolean).join(" · ") || t("list.noContact")}
                </p>
                <p className="mt-1 flex flex-wrap gap-1">
                  {reasons.map((r) => (
                    <Badge key={r} variant="warning">
                      {t(`duplicates.reasons.${r}`)}
                    </Badge>
                  ))}
                </p>
              </div>
              {canEdit ? (
                <Button asChild variant="outline" size="sm" className="w-full shrink-0 sm:w-auto">
                  <Link
                    to={`/dashboard/customers/${customerId}?merge=${c.id}#merge`}
                    preventScrollReset
                    aria-label={t("duplicates.compareWith", { name: displayName(c) })}
                  >
                    <Combine /> {t("duplicates.compare")}
                  </Link>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

/** Both records side by side; the member picks the one to keep and confirms. */
export function MergeCompare({
  current,
  other,
  defs,
  locale,
  timeZone,
  error,
  busy,
}: {
  current: TCustomerDetails;
  other: TCustomerDetails;
  defs: readonly TCustomerFieldDef[];
  locale: "en" | "es";
  timeZone: string;
  error?: string;
  busy: boolean;
}) {
  const { t } = useTranslation(["customers", "common"]);
  const day = dateFormatter(locale, timeZone);
  const records = [current, other];
  const cancel = `/dashboard/customers/${current.customer.id}`;
  const formId = useId();
  const [survivorId, setSurvivorId] = useState(current.customer.id);
  const [confirming, setConfirming] = useState(false);
  const survivor = survivorId === other.customer.id ? other : current;
  const duplicate = survivor === current ? other : current;
  return (
    <Card id="merge" className="scroll-mt-20 border-brand-300 ring-1 ring-brand-200">
      <CardHeader className="pb-3 sm:pb-4">
        <CardTitle as="h2" className="flex items-center gap-2">
          <Combine aria-hidden className="size-5 text-brand-700" /> {t("merge.title")}
        </CardTitle>
        <CardDescription>{t("merge.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form noValidate method="post" id={formId} className="space-y-4">
          <input type="hidden" name="intent" value="merge" />
          <input type="hidden" name="a" value={current.customer.id} />
          <input type="hidden" name="b" value={other.customer.id} />
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-900">{t("merge.keepWhich")}</legend>
            <div className="grid grid-cols-2 gap-2 sm:gap-4">
              {records.map((r, i) => {
                const c = r.customer;
                const rows: Array<[string, string]> = [
                  [t("form.phone"), formatPhone(c.phone) || "—"],
                  [t("form.email"), c.email ?? "—"],
                  [t("form.locale"), t(`common:languages.${c.locale}`)],
                  ...defs.map((d): [string, string] => {
                    const v = c.fields[d.key];
                    return [d.label[locale], Array.isArray(v) ? v.join("; ") || "—" : v === undefined ? "—" : String(v)];
                  }),
                  [t("form.tags"), c.tags.join(", ") || "—"],
                  [t("form.notes"), c.notes ?? "—"],
                  [t("merge.bookings"), String(r.bookings.total)],
                  [t("consent.title"), t(`consent.state.${c.smsConsent.granted ? "granted" : c.smsConsent.at ? "refused" : "unknown"}`)],
                  [t("merge.added"), day(c.createdAt)],
                ];
                return (
                  <label
                    key={c.id}
                    className={cn(
                      "relative flex min-w-0 cursor-pointer flex-col gap-3 rounded-xl border border-slate-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50/50 has-[:checked]:ring-1 has-[:checked]:ring-brand-600 sm:p-4",
                    )}
                  >
                    <span className="flex items-start gap-2">
                      <input
                        type="radio"
                        name="survivorId"
                        value={c.id}
                        checked={survivorId === c.id}
                        onChange={() => setSurvivorId(c.id)}
                        required
                        className="mt-0.5 size-5 shrink-0 accent-brand-600"
                      />
                      <span className="min-w-0">
                        <span className="block break-words font-semibold text-slate-900">{displayName(c)}</span>
                        <span className="block text-xs text-slate-600">{i === 0 ? t("merge.thisRecord") : t("merge.otherRecord")}</span>
                      </span>
                    </span>
                    <dl className="space-y-2 text-sm">
                      {rows.map(([label, value]) => (
                        <div key={label}>
                          <dt className="text-xs font-medium text-slate-600">{label}</dt>
                          <dd className="line-clamp-3 break-words text-slate-900">{value}</dd>
                        </div>
                      ))}
                    </dl>
                  </label>
                );
              })}
            </div>
          </fieldset>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>{t("merge.effects.moves")}</li>
            <li>{t("merge.effects.combines")}</li>
            <li>{t("merge.effects.hides")}</li>
          </ul>
          {error ? <Alert id="merge-error" variant="danger" description={error} /> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button asChild variant="ghost">
              <Link to={cancel} preventScrollReset>
                {t("common:cancel")}
              </Link>
            </Button>
            <Dialog open={confirming} onOpenChange={setConfirming}>
              <Button
                type="button"
                variant="danger"
                loading={busy}
                onClick={() => setConfirming(true)}
                aria-describedby={error ? "merge-error" : undefined}
              >
                <Combine /> {t("merge.submit")}
              </Button>
              <DialogContent closeLabel={t("common:close")}>
                <DialogHeader>
                  <DialogTitle>{t("merge.confirmTitle")}</DialogTitle>
                  <DialogDescription>
                    {t("merge.confirmBody", { survivor: displayName(survivor.customer), duplicate: displayName(duplicate.customer) })}
                  </DialogDescription>
                </DialogHeader>
                <p className="text-sm font-medium text-slate-900">{t("merge.effects.hides")}</p>
                <DialogFooter>
                  <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
                    {t("common:cancel")}
                  </Button>
                  <Button
                    type="submit"
                    form={formId}
                    name="confirm"
                    value="yes"
                    variant="danger"
                    loading={busy}
                    onClick={() => setTimeout(() => setConfirming(false))}
                  >
                    <Combine /> {t("merge.confirmSubmit", { name: displayName(survivor.customer) })}
                  </Button>
                </DialogFooter>
              </DialogContent>
            </Dialog>
          </div>
        </Form>
      </CardContent>
    </Card>
  );
}
