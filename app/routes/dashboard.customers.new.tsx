import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ArrowLeft } from "lucide-react";
import { useTranslation } from "react-i18next";
import { can } from "#server/tenants/roles";
import { consentMethodFromForm, customerInputFromForm } from "~/components/customers/customer-form-data";
import { CustomerForm } from "~/components/customers/customer-form";
import { Alert, Card, CardContent, PageHeader } from "~/components/ui";
import { actionFailure } from "~/lib/api.server";
import { requireMember } from "~/lib/dashboard.server";

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
    const consent = form.get("smsConsent") === "on" ? { source: `dashboard.${consentMethodFromForm(form)}`, words: String(form.get("words") ?? "") || null } : null;
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
          />
        </CardContent>
      </Card>
    </div>
  );
}
