import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { authProvider, getSessionUser } from "#server/auth/identity.server";
import { signInLocal, ZLocalSignInSchema } from "#server/auth/local-auth.server";
import { getSession, sessionStorage } from "#server/auth/session.server";
import { detectLocale, localeCookie } from "#server/i18n/i18n.server";
import { isSupportedLocale } from "#server/i18n/localized-text";
import { clientIp } from "#server/trpc/context.server";
import { getUserByEmail } from "#server/users/users.server";
import { CLEANMACHINE_DEMO } from "#server/packs/demo/cleanmachine";
import { AuthShell } from "~/components/auth-shell";
import { Alert, Button, Field, Input } from "~/components/ui";
import { actionFailure, safeRedirect } from "~/lib/api.server";
import { safeRedirectPath } from "#server/security/safe-redirect";

// Clerk's widget is a lazy chunk: the local mode never loads Clerk.
const LazyClerkSignInPanel = lazy(() => import("~/components/clerk-widgets").then((m) => ({ default: m.ClerkSignInPanel })));

export const meta: MetaFunction = () => [{ title: "Sign in · ServicePro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  const provider = authProvider();
  const demo =
    provider === "local" && (await getUserByEmail(CLEANMACHINE_DEMO.owner.email))
      ? { email: CLEANMACHINE_DEMO.owner.email, password: CLEANMACHINE_DEMO.owner.password }
      : null;
  return { provider, demo };
}

export async function action({ request }: ActionFunctionArgs) {
  const locale = await detectLocale(request);
  const form = await request.formData();
  const redirectTo = safeRedirect(form.get("redirectTo"));
  try {
    const input = ZLocalSignInSchema.parse({ email: form.get("email"), password: form.get("password") });
    const user = await signInLocal(input, clientIp(request));
    const session = await getSession(request);
    session.set("userId", user.id);
    const headers = new Headers({ "Set-Cookie": await sessionStorage().commitSession(session) });
    if (isSupportedLocale(user.locale)) headers.append("Set-Cookie", await localeCookie.serialize(user.locale));
    return redirect(redirectTo, { headers });
  } catch (error) {
    const failure = actionFailure(error, locale);
    return data({ ...failure, email: String(form.get("email") ?? "") }, { status: failure.error.status });
  }
}

export default function SignInPage() {
  const { provider, demo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation("auth");
  const redirectTo = safeRedirectPath(params.get("redirectTo"), "/dashboard");

  if (provider === "clerk") {
    return (
      <AuthShell title={t("signInTitle")}>
        <Suspense fallback={null}>
          <LazyClerkSignInPanel redirectTo={redirectTo} />
        </Suspense>
      </AuthShell>
    );
  }
  const fields = result?.error.fields ?? {};
  return (
    <AuthShell
      title={t("signInTitle")}
      subtitle={t("signInSubtitle")}
      footer={
        <>
          {t("noAccount")}{" "}
          <Link
            className="font-medium text-brand-700 underline-offset-4 hover:underline"
            to={`/sign-up${params.toString() ? `?${params}` : ""}`}
          >
            {t("common:signUp")}
          </Link>
        </>
      }
    >
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {result && !result.error.fields ? <Alert variant="danger" description={result.error.message} /> : null}
        <Field label={t("email")} error={fields.email} required>
          <Input name="email" type="email" autoComplete="email" inputMode="email" defaultValue={result?.email} autoFocus />
        </Field>
        <Field label={t("password")} error={fields.password} required>
          <Input name="password" type="password" autoComplete="current-password" />
        </Field>
        <Button type="submit" className="w-full" loading={navigation.state === "submitting"}>
          {t("submitSignIn")}
        </Button>
      </Form>
      <p className="mt-6 text-xs text-slate-500">{t("devModeNote")}</p>
      {demo ? <p className="mt-2 rounded-lg bg-brand-50 p-3 text-sm text-brand-900">{t("demoHint", demo)}</p> : null}
    </AuthShell>
  );
}
