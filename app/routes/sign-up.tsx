import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { authProvider, getSessionUser } from "#server/auth/identity.server";
import { signUpLocal, ZLocalSignUpSchema } from "#server/auth/local-auth.server";
import { getSession, sessionStorage } from "#server/auth/session.server";
import { detectLocale } from "#server/i18n/i18n.server";
import { clientIp } from "#server/trpc/context.server";
import { AuthShell } from "~/components/auth-shell";
import { Alert, Button, Field, Input } from "~/components/ui";
import { actionFailure, safeRedirect } from "~/lib/api.server";
import { TEXT_LIMITS } from "#server/validation/limits";
import { safeRedirectPath } from "#server/security/safe-redirect";

// Clerk's widget is a lazy chunk: the local mode never loads Clerk.
const LazyClerkSignUpPanel = lazy(() => import("~/components/clerk-widgets").then((m) => ({ default: m.ClerkSignUpPanel })));

export const meta: MetaFunction = () => [{ title: "Create account · ServicePro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect("/dashboard");
  return { provider: authProvider() };
}

export async function action({ request }: ActionFunctionArgs) {
  const locale = await detectLocale(request);
  const form = await request.formData();
  const redirectTo = safeRedirect(form.get("redirectTo"), "/onboarding");
  try {
    const input = ZLocalSignUpSchema.parse({ name: form.get("name"), email: form.get("email"), password: form.get("password"), locale });
    const user = await signUpLocal(input, clientIp(request));
    const session = await getSession(request);
    session.set("userId", user.id);
    return redirect(redirectTo, { headers: { "Set-Cookie": await sessionStorage().commitSession(session) } });
  } catch (error) {
    const failure = actionFailure(error, locale);
    return data(
      { ...failure, name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") },
      { status: failure.error.status },
    );
  }
}

export default function SignUpPage() {
  const { provider } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation("auth");
  const redirectTo = safeRedirectPath(params.get("redirectTo"), "/onboarding");

  if (provider === "clerk") {
    return (
      <AuthShell title={t("signUpTitle")}>
        <Suspense fallback={null}>
          <LazyClerkSignUpPanel redirectTo={redirectTo} />
        </Suspense>
      </AuthShell>
    );
  }
  const fields = result?.error.fields ?? {};
  return (
    <AuthShell
      title={t("signUpTitle")}
      subtitle={t("signUpSubtitle")}
      footer={
        <>
          {t("haveAccount")}{" "}
          <Link
            className="font-medium text-brand-700 underline-offset-4 hover:underline"
            to={`/sign-in${params.toString() ? `?${params}` : ""}`}
          >
            {t("common:signIn")}
          </Link>
        </>
      }
    >
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {result && !result.error.fields ? <Alert variant="danger" description={result.error.message} /> : null}
        <Field label={t("name")} error={fields.name} required>
          <Input name="name" autoComplete="name" defaultValue={result?.name} maxLength={TEXT_LIMITS.personName} autoFocus />
        </Field>
        <Field label={t("email")} error={fields.email} required>
          <Input
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            defaultValue={result?.email}
            maxLength={TEXT_LIMITS.email}
          />
        </Field>
        <Field label={t("password")} hint={t("passwordHint")} error={fields.password} required>
          <Input name="password" type="password" autoComplete="new-password" />
        </Field>
        <Button type="submit" className="w-full" loading={navigation.state === "submitting"}>
          {t("submitSignUp")}
        </Button>
      </Form>
      <p className="mt-6 text-xs text-slate-500">{t("devModeNote")}</p>
    </AuthShell>
  );
}
