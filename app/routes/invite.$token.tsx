import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthShell } from "~/components/auth-shell";
import { Alert, Button } from "~/components/ui";
import { actionFailure, api, requireUser } from "~/lib/api.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await api(request);
  const invitation = await caller.team.describeInvitation({ token: String(params.token ?? "").slice(0, 200) || "x" });
  return { invitation, signedInAs: caller.ctx.user?.email ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const caller = await api(request, user);
  try {
    await caller.team.acceptInvitation({ token: String(params.token ?? "") });
    return redirect("/dashboard");
  } catch (error) {
    const failure = actionFailure(error, caller.ctx.locale);
    return data(failure, { status: failure.error.status });
  }
}

export default function AcceptInvitation() {
  const { invitation, signedInAs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation(["auth", "common"]);
  const here = useLocation().pathname;
  if (!invitation)
    return (
      <AuthShell title={t("invite.title")}>
        <Alert variant="danger" description={t("invite.notFound")} />
      </AuthShell>
    );
  const role = t(`common:roles.${invitation.role}`);
  return (
    <AuthShell title={t("invite.title")} subtitle={t("invite.body", { business: invitation.tenantName, email: invitation.email, role })}>
      {result && !result.ok ? <Alert variant="danger" className="mb-4" description={result.error.message} /> : null}
      {invitation.status === "expired" ? <Alert variant="warning" description={t("invite.expired")} /> : null}
      {invitation.status === "used" ? <Alert variant="warning" description={t("invite.used")} /> : null}
      {invitation.status === "valid" && signedInAs ? (
        <Form noValidate method="post">
          <Button type="submit" className="w-full" loading={navigation.state === "submitting"}>
            {t("invite.accept", { business: invitation.tenantName })}
          </Button>
        </Form>
      ) : null}
      {invitation.status === "valid" && !signedInAs ? (
        <div className="space-y-3">
          <p className="text-slate-700">{t("invite.signInFirst", { email: invitation.email })}</p>
          <Button asChild className="w-full">
            <Link to={`/sign-up?redirectTo=${encodeURIComponent(here)}`}>{t("common:signUp")}</Link>
          </Button>
          <Button asChild variant="outline" className="w-full">
            <Link to={`/sign-in?redirectTo=${encodeURIComponent(here)}`}>{t("common:signIn")}</Link>
          </Button>
        </div>
      ) : null}
    </AuthShell>
  );
}
