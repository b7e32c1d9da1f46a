import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ChevronRight, Plus } from "lucide-react";
import { useTranslation } from "react-i18next";
import { can } from "#server/tenants/roles";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, Field, Input, PageHeader, Switch } from "~/components/ui";
import { actionFailure } from "~/lib/api.server";
import { requireMember } from "~/lib/dashboard.server";
import { centsToInput, parseMoneyToCents } from "#server/money/money";
import { translateNow } from "#server/i18n/translate.server";
import { Invalid } from "#server/errors/domain-errors";

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller, current, locale } = await requireMember(request);
  const services = await caller.services.list({ includeInactive: true });
  return { services, locale, canEdit: can(current.role, "services.manage") };
}

export async function action({ request }: ActionFunctionArgs) {
  const { caller, locale } = await requireMember(request);
  const form = await request.formData();
  const id = String(form.get("id") ?? "");
  try {
    const priceCents = parseMoneyToCents(String(form.get("price") ?? ""));
    if (priceCents === null) throw Invalid("errors:invalidInput", { priceCents: "errors:validation.priceRange" });
    const service = {
      locale,
      name: String(form.get("name") ?? ""),
      durationMinutes: Number(form.get("durationMinutes")),
      priceCents,
      active: form.getAll("active").includes("on"),
    };
    if (id) await caller.services.update({ id, service });
    else await caller.services.create(service);
    return data({ ok: true as const, id, savedAt: Date.now(), message: translateNow(locale, "dashboard:services.savedToast") });
  } catch (error) {
    const failure = actionFailure(error, locale);
    return data({ ...failure, id }, { status: failure.error.status });
  }
}

export default function ServicesPage() {
  const { services, locale, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["dashboard", "common"]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("services.title")} description={t("services.description")} />
      {!canEdit ? <Alert variant="info" description={t("services.readOnly")} /> : null}
      {result?.ok ? <Alert variant="success" description={result.message} /> : null}
      <ul className="space-y-3">
        {services.map((s) => (
          <li key={s.id}>
            <ServiceForm
              id={s.id}
              name={s.name[locale]}
              price={centsToInput(s.priceCents)}
              duration={s.durationMinutes}
              active={s.active}
              canEdit={canEdit}
              error={result && !result.ok && result.id === s.id ? result.error : undefined}
            />
          </li>
        ))}
      </ul>
      {services.length === 0 ? <p className="text-slate-600">{t("services.empty")}</p> : null}
      {canEdit ? (
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-lg">
              <Plus aria-hidden className="size-5" /> {t("services.newTitle")}
            </CardTitle>
          </CardHeader>
          <CardContent>
            <ServiceForm
              key={result?.ok && !result.id ? `new-${result.savedAt}` : "new"}
              id=""
              name=""
              price=""
              duration={60}
              active
              canEdit
              error={result && !result.ok && result.id === "" ? result.error : undefined}
            />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

function ServiceForm({
  id,
  name,
  price,
  duration,
  active,
  canEdit,
  error,
}: {
  id: string;
  name: string;
  price: string;
  duration: number;
  active: boolean;
  canEdit: boolean;
  error?: { message: string; fields: Record<string, string> | null };
}) {
  const { t } = useTranslation("dashboard");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("id") === id;
  const f = error?.fields ?? {};
  return (
    <Form noValidate method="post" className={id ? "rounded-2xl border border-slate-200 bg-white p-4" : undefined}>
      <input type="hidden" name="id" value={id} />
      <fieldset disabled={!canEdit} className="grid gap-3 sm:grid-cols-[1fr_8rem_7rem_auto_auto] sm:items-end">
        <Field label={t("services.name")} error={f["service.name"] ?? f.name}>
          <Input name="name" defaultValue={name} required maxLength={120} />
        </Field>
        <Field label={t("services.price")} error={f.priceCents ?? f["service.priceCents"]}>
          <Input name="price" defaultValue={price} inputMode="decimal" required />
        </Field>
        <Field label={t("services.duration")} error={f["service.durationMinutes"] ?? f.durationMinutes}>
          <Input name="durationMinutes" type="number" min={5} max={1440} step={5} defaultValue={duration} required />
        </Field>
        <div className="flex min-h-11 items-center gap-2">
          <Switch name="active" defaultChecked={active} aria-label={t("services.active")} />
          {!active ? (
            <Badge variant="neutral">{t("services.inactive")}</Badge>
          ) : (
            <span className="text-sm text-slate-600">{t("services.active")}</span>
          )}
        </div>
        {canEdit ? (
          <Button type="submit" variant={id ? "outline" : "primary"} loading={busy}>
            {id ? t("services.save") : t("services.add")}
          </Button>
        ) : null}
      </fieldset>
      {error && !error.fields ? <p className="mt-2 text-sm text-red-700">{error.message}</p> : null}
      {id ? (
        <Link
          to={`/dashboard/services/${id}`}
          className="mt-2 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
        >
          {t("services.editOptions")} <ChevronRight aria-hidden className="size-4" />
        </Link>
      ) : null}
    </Form>
  );
}
