import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useNavigation, useRouteError, useSearchParams } from "@remix-run/react";
import { ArrowLeft, Contact, Mail, Phone } from "lucide-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Invalid } from "#server/errors/domain-errors";
import { formatPhone } from "#server/customers/phone";
import { can } from "#server/tenants/roles";
import { BookingsPanel } from "~/components/customers/bookings-panel";
import { ConsentPanel } from "~/components/customers/consent-panel";
import { dateFormatter, displayName } from "~/components/customers/customer-format";
import { consentMethodFromForm, customerInputFromForm } from "~/components/customers/customer-form-data";
import { CustomerForm } from "~/components/customers/customer-form";
import { DuplicatesPanel, MergeCompare } from "~/components/customers/merge-panels";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, EmptyState, PageHeader } from "~/components/ui";
import { actionFailure } from "~/lib/api.server";
import { requireMember } from "~/lib/dashboard.server";
import { zId } from "#server/validation/text";

const notFound = (error: unknown): never => {
  if ((error as { code?: string }).code === "NOT_FOUND") throw new Response("Not found", { status: 404 });
  throw error;
};

/** One customer: details form, consent to texts, bookings, possible duplicates and (with `?merge=<id>`) the merge comparison. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller, current, locale } = await requireMember(request);
  const id = String(params.id ?? "");
  const details = await caller.customers.get({ id }).catch(notFound);
  // A merged record lives on in its survivor.
  if (details.customer.mergedIntoId) throw redirect(`/dashboard/customers/${details.customer.mergedIntoId}`);
  const mergeId = new URL(request.url).searchParams.get("merge");
  const [context, duplicates, other] = await Promise.all([
    caller.customers.context(),
    caller.customers.duplicates({ id }),
    mergeId && mergeId !== id ? caller.customers.get({ id: mergeId.slice(0, 64) }).catch(() => null) : Promise.resolve(null),
  ]);
  const mergeWith = other && !other.customer.mergedIntoId ? other : null;
  return {
    details,
    context,
    duplicates,
    mergeWith,
    mergeMissing: Boolean(mergeId) && !mergeWith,
    locale,
    canEdit: can(current.role, "customers.manage"),
  };
}

const ZIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update") }),
  z.object({ intent: z.literal("consent"), granted: z.enum(["true", "false"]) }),
  z.object({
    intent: z.literal("merge"),
    a: zId(),
    b: zId(),
    survivorId: zId().optional(),
    confirm: z.literal("yes").optional().catch(undefined),
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { caller, locale } = await requireMember(request);
  const id = String(params.id ?? "");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  try {
    const input = ZIntent.parse({ ...Object.fromEntries(form), intent });
    switch (input.intent) {
      case "update": {
        const { fields: defs } = await caller.customers.context();
        await caller.customers.update({ id, ...customerInputFromForm(form, defs) });
        break;
      }
      case "consent":
        await caller.customers.setConsent({
          id,
          granted: input.granted === "true",
          method: consentMethodFromForm(form),
          words: String(form.get("words") ?? "").trim() || undefined,
        });
        break;
      case "merge": {
        const pair = [input.a, input.b];
        if (!pair.includes(id) || input.a === input.b) throw Invalid("errors:customers.mergeSelf");
        if (input.confirm !== "yes") throw Invalid("errors:invalidInput", { confirm: "errors:validation.required" });
        const survivorId = input.survivorId && pair.includes(input.survivorId) ? input.survivorId : id;
        const duplicateId = pair.find((x) => x !== survivorId)!;
        await caller.customers.merge({ survivorId, duplicateId });
        return redirect(`/dashboard/customers/${survivorId}?merged=1`);
      }
    }
    return data({ ok: true as const, intent, stamp: Date.now() });
  } catch (error) {
    const failure = actionFailure(error, locale);
    return data({ ...failure, intent, stamp: Date.now() }, { status: failure.error.status });
  }
}

export default function CustomerPage() {
  const { details, context, duplicates, mergeWith, mergeMissing, locale, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation(["customers", "common"]);
  const c = details.customer;
  const busyIntent = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : null;
  const failed = result && !result.ok ? result : null;
  const day = dateFormatter(locale, context.timeZone);

  const success = result?.ok
    ? { update: t("detail.saved"), consent: t("detail.consentSaved") }[result.intent as "update" | "consent"]
    : !result && params.get("merged")
      ? t("detail.merged")
      : !result && params.get("created")
        ? t("detail.created")
        : null;

  return (
    <div className="space-y-5">
      <PageHeader
        className="pb-0 sm:pb-0"
        title={displayName(c)}
        backLink={
          <Link to="/dashboard/customers" className="inline-flex min-h-11 items-center gap-1 font-medium text-brand-700 hover:underline">
            <ArrowLeft aria-hidden className="size-4" /> {t("detail.back")}
          </Link>
        }
        actions={
          c.phone || c.email ? (
            <>
              {c.phone ? (
                <Button asChild variant="outline">
                  <a href={`tel:${c.phone}`} data-testid="customer-phone">
                    <Phone /> {formatPhone(c.phone)}
                  </a>
                </Button>
              ) : null}
              {c.email ? (
                <Button asChild variant="outline">
                  <a href={`mailto:${c.email}`} className="min-w-0">
                    <Mail /> <span className="truncate">{c.email}</span>
                  </a>
                </Button>
              ) : null}
            </>
          ) : null
        }
      >
        <p className="-mt-2 flex flex-wrap items-center gap-1.5 text-sm text-slate-600">
          {c.tags.map((tag) => (
            <Badge key={tag} variant="neutral">
              {tag}
            </Badge>
          ))}
          <span>{t("detail.added", { date: day(c.createdAt) })}</span>
        </p>
      </PageHeader>

      <div aria-live="polite">{success ? <Alert variant="success" description={success} /> : null}</div>
      {failed && failed.intent !== "merge" && failed.intent !== "consent" ? (
        <Alert variant="danger" description={failed.error.message} />
      ) : null}
      {!canEdit ? <Alert variant="info" description={t("readOnly")} /> : null}
      {mergeMissing ? <Alert variant="warning" description={t("merge.notFound")} /> : null}

      {mergeWith && canEdit ? (
        <MergeCompare
          key={mergeWith.customer.id}
          current={details}
          other={mergeWith}
          defs={context.fields}
          locale={locale}
          timeZone={context.timeZone}
          error={failed?.intent === "merge" ? (failed.error.fields?.confirm ?? failed.error.message) : undefined}
          busy={busyIntent === "merge"}
        />
      ) : (
        <DuplicatesPanel candidates={duplicates} canEdit={canEdit} customerId={c.id} />
      )}

      {details.mergedFrom.length ? (
        <p className="text-sm text-slate-600">
          {t("detail.mergedFrom", { names: details.mergedFrom.map((m) => displayName(m)).join(", ") })}
        </p>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-5 lg:items-start">
        <Card className="lg:col-span-3">
          <CardHeader className="pb-3 sm:pb-4">
            <CardTitle as="h2">{t("detail.details")}</CardTitle>
          </CardHeader>
          <CardContent>
            <CustomerForm
              key={String(c.updatedAt)}
              intent="update"
              defs={context.fields}
              values={c}
              errors={failed?.intent === "update" ? (failed.error.fields ?? null) : null}
              errorStamp={failed?.stamp}
              canEdit={canEdit}
              busy={busyIntent === "update"}
            />
          </CardContent>
        </Card>
        <div className="space-y-5 lg:col-span-2">
          <ConsentPanel
            key={details.consentHistory[0]?.id ?? "none"}
            state={c.smsConsent}
            history={details.consentHistory}
            hasPhone={Boolean(c.phone)}
            canEdit={canEdit}
            busy={busyIntent === "consent"}
            error={failed?.intent === "consent" ? failed.error.message : undefined}
            locale={locale}
            timeZone={context.timeZone}
          />
          <BookingsPanel summary={details.bookings} locale={locale} timeZone={context.timeZone} />
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation(["customers", "common"]);
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <EmptyState
      icon={<Contact />}
      titleAs="h2"
      title={missing ? t("detail.notFound") : t("common:error.title")}
      action={
        <Button asChild variant="outline">
          <Link to="/dashboard/customers">{t("detail.back")}</Link>
        </Button>
      }
    />
  );
}
