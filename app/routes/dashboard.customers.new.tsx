import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArrowLeft } from "lucide-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { can } from "#server/tenants/roles";
import { displayName } from "~/components/customers/customer-format";
import { consentMethodFromForm, customerInputFromForm } from "~/components/customers/customer-form-data";
import { CustomerForm } from "~/components/customers/customer-form";
import { Alert, Card, CardContent, PageHeader } from "~/components/ui";
import { actionFailure } from "~/lib/api.server";
import { requireMember } from "~/lib/dashboard.server";
import { trpc } from "~/lib/trpc";

/** Adding a customer by hand: details, trade fields from the pack, and consent to texts if they gave it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { caller, current } = await requireMember(request);
  if (!can(current.role, "customers.manage")) throw redirect("/dashboard/customers");
  const context = await caller.customers.context();
  return { fields: context.fields, defaultLocale: context.defaultLocale };
}

export async function action({ request }: ActionFunctionArgs) {
  const { caller, locale } = await requireMember(request);
  const form = await request.formData();
  try {
    const { fields: defs } = await caller.customers.context();
    const consent =
      form.get("smsConsent") === "on"
        ? { source: `dashboard.${consentMethodFromForm(form)}`, words: String(form.get("words") ?? "") || null }
        : null;
    const created = await caller.customers.create({ ...customerInputFromForm(form, defs), smsConsent: consent });
    return redirect(`/dashboard/customers/${created.id}?created=1`);
  } catch (error) {
    const failure = actionFailure(error, locale);
    return data({ ...failure, stamp: Date.now() }, { status: failure.error.status });
  }
}

export default function NewCustomerPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation(["customers", "common"]);
  // Leaving the phone field looks the number up, so a known customer is opened instead of added twice.
  const [existing, setExisting] = useState<{ id: string; name: string } | null>(null);
  const lookup = useRef(0);
  const checkPhone = async (value: string) => {
    const ticket = ++lookup.current;
    const found = value.trim() ? await trpc.customers.byPhone.query({ phone: value.slice(0, 40) }).catch(() => null) : null;
    if (ticket === lookup.current) setExisting(found ? { id: found.id, name: displayName(found) } : null);
  };
  return (
    <div className="mx-auto max-w-3xl space-y-2">
      <PageHeader
        title={t("new.title")}
        description={t("new.description")}
        backLink={
          <Link to="/dashboard/customers" className="inline-flex min-h-11 items-center gap-1 font-medium text-brand-700 hover:underline">
            <ArrowLeft aria-hidden className="size-4" /> {t("new.back")}
          </Link>
        }
      />
      {result?.error ? <Alert variant="danger" description={result.error.message} /> : null}
      <Card>
        <CardContent>
          <CustomerForm
            intent="create"
            defs={d.fields}
            values={{ name: "", phone: null, email: null, locale: d.defaultLocale, tags: [], notes: null, address: null, fields: {} }}
            errors={result?.error.fields ?? null}
            errorStamp={result?.stamp}
            canEdit
            busy={navigation.state === "submitting"}
            withConsent
            onPhoneBlur={checkPhone}
            phoneNote={
              existing ? (
                <span role="status" className="font-medium text-amber-800">
                  {t("form.phoneOwner", { name: existing.name })}{" "}
                  <Link to={`/dashboard/customers/${existing.id}`} className="text-brand-700 underline underline-offset-4">
                    {t("list.open", { name: existing.name })}
                  </Link>
                </span>
              ) : undefined
            }
          />
        </CardContent>
      </Card>
    </div>
  );
}
