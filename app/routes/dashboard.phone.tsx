import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ArrowLeft, FlaskConical, MessageSquareText, PhoneCall, Settings2 } from "lucide-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { isSignalWireConfigured } from "#server/env.server";
import { translateNow } from "#server/i18n/translate.server";
import { can, CAPABILITIES, CONFIG_WRITE_CAPABILITY, roleAtLeast } from "#server/tenants/roles";
import { CallSimulator } from "~/components/phone/call-simulator";
import { PhoneSetupForm, type TPhoneSetupValue } from "~/components/phone/phone-setup-form";
import { SmsSimulator } from "~/components/phone/sms-simulator";
import { Alert, PageHeader, Tabs, TabsContent, TabsList, TabsTrigger } from "~/components/ui";
import { actionFailure } from "~/lib/api.server";
import { formToPatch } from "~/lib/config-forms";
import { requireMember } from "~/lib/dashboard.server";

/** The phone line: its settings (the PHONE config node) and a simulator to try it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { caller, current } = await requireMember(request);
  const [value, tenant] = await Promise.all([caller.config.PHONE.get(), caller.tenants.current()]);
  const capability = CONFIG_WRITE_CAPABILITY.PHONE;
  return {
    value: value as TPhoneSetupValue,
    canEdit: can(current.role, capability),
    // The simulator writes calls and messages like real traffic: managers and owners only.
    canSimulate: roleAtLeast(current.role, "MANAGER"),
    neededRole: CAPABILITIES[capability],
    // Only whether keys exist, never the keys: without them the line lives in the simulator.
    simulatorMode: !isSignalWireConfigured(),
    timeZone: tenant.tenant.timeZone,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { caller, locale } = await requireMember(request);
  const form = await request.formData();
  try {
    await caller.config.PHONE.update(formToPatch("PHONE", form) as never);
    return data({ ok: true as const, message: translateNow(locale, "phone:saved") });
  } catch (error) {
    const failure = actionFailure(error, locale);
    return data({ ...failure, stamp: Date.now() }, { status: failure.error.status });
  }
}

const TABS = ["setup", "test"] as const;

export default function PhonePage() {
  const { value, canEdit, canSimulate, neededRole, simulatorMode, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation(["phone", "settings", "common", "dashboard"]);
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get("tab")) ?? "setup";
  const failed = result && "error" in result ? result : null;
  const fields = failed?.error.fields ?? {};
  const formBox = useRef<HTMLDivElement>(null);

  // After a refused save, take the person to the first field that needs fixing.
  useEffect(() => {
    if (!failed) return;
    formBox.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failed]);

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("title")}
        description={t("description")}
        backLink={
          <Link to="/dashboard" className="inline-flex min-h-11 items-center gap-1 text-slate-700 hover:text-slate-900">
            <ArrowLeft aria-hidden className="size-4" /> {t("back")}
          </Link>
        }
      />
      <Alert
        variant={simulatorMode ? "info" : "success"}
        icon={simulatorMode ? <FlaskConical /> : undefined}
        description={simulatorMode ? t("simulatorMode") : t("liveMode")}
        data-testid="line-mode"
      />
      <Tabs
        value={tab}
        onValueChange={(next) => {
          const p = new URLSearchParams(params);
          if (next === "setup") p.delete("tab");
          else p.set("tab", next);
          setParams(p, { replace: true, preventScrollReset: true });
        }}
        className="mt-4"
      >
        <TabsList className="w-full sm:w-auto">
          <TabsTrigger value="setup" className="flex-1 sm:flex-none">
            <Settings2 aria-hidden /> {t("tabs.setup")}
          </TabsTrigger>
          <TabsTrigger value="test" className="flex-1 sm:flex-none">
            <PhoneCall aria-hidden /> {t("tabs.test")}
          </TabsTrigger>
        </TabsList>
        <TabsContent value="setup" className="space-y-4 data-[state=inactive]:hidden" forceMount>
          {!canEdit ? (
            <Alert variant="warning" description={t("settings:readOnly", { role: t(`common:roles.${neededRole}`).toLowerCase() })} />
          ) : null}
          {result && "message" in result ? <Alert variant="success" description={result.message} role="status" /> : null}
          {failed ? (
            <Alert variant="danger" description={Object.keys(fields).length ? t("setup.fixErrors") : failed.error.message} />
          ) : null}
          <div ref={formBox}>
            <PhoneSetupForm
              key={JSON.stringify(value)}
              value={value}
              errors={fields}
              canEdit={canEdit}
              busy={navigation.state === "submitting"}
            />
          </div>
        </TabsContent>
        <TabsContent value="test" className="space-y-6 data-[state=inactive]:hidden" forceMount>
          <p className="text-sm text-slate-700">{t("simulator.intro")}</p>
          {canSimulate ? (
            <>
              <section aria-labelledby="sim-call" className="space-y-3">
                <h2 id="sim-call" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
                  <PhoneCall aria-hidden className="size-5 text-brand-700" /> {t("simulator.callTitle")}
                </h2>
                <CallSimulator timeZone={timeZone} />
              </section>
              <section aria-labelledby="sim-text" className="space-y-3 border-t border-slate-200 pt-6">
                <h2 id="sim-text" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
                  <MessageSquareText aria-hidden className="size-5 text-brand-700" /> {t("simulator.textTitle")}
                </h2>
                <SmsSimulator timeZone={timeZone} />
              </section>
            </>
          ) : (
            <Alert variant="warning" description={t("simulator.managersOnly")} />
          )}
        </TabsContent>
      </Tabs>
    </div>
  );
}
