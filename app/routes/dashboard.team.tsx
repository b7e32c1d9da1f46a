import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Check, Copy, Minus, Trash2, UserPlus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ROLES } from "#server/tenants/roles";
import { env } from "#server/env.server";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, Field, Input, NativeSelect, PageHeader } from "~/components/ui";
import { actionFailure } from "~/lib/api.server";
import { requireMember } from "~/lib/dashboard.server";
import { zEmail, zId } from "#server/validation/text";
import { TEXT_LIMITS } from "#server/validation/limits";

export async function loader({ request }: LoaderFunctionArgs) {
  const { caller, user, current, locale } = await requireMember(request);
  const team = await caller.team.list();
  return { ...team, me: user.id, business: current.name, locale };
}

const ZIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), email: zEmail(), role: z.enum(ROLES) }),
  z.object({ intent: z.literal("changeRole"), membershipId: zId(), role: z.enum(ROLES) }),
  z.object({ intent: z.literal("remove"), membershipId: zId() }),
  z.object({ intent: z.literal("revoke"), invitationId: zId() }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { caller, locale } = await requireMember(request);
  const form = Object.fromEntries(await request.formData());
  try {
    const input = ZIntent.parse(form);
    switch (input.intent) {
      case "invite": {
        const { token } = await caller.team.invite({ email: input.email, role: input.role });
        const origin = env().APP_URL ?? new URL(request.url).origin;
        return data({
          ok: true as const,
          intent: input.intent,
          inviteUrl: `${origin}/invite/${token}`,
          email: input.email.trim().toLowerCase(),
        });
      }
      case "changeRole":
        await caller.team.changeRole({ membershipId: input.membershipId, role: input.role });
        break;
      case "remove":
        await caller.team.remove({ membershipId: input.membershipId });
        break;
      case "revoke":
        await caller.team.revokeInvitation({ invitationId: input.invitationId });
        break;
    }
    return data({ ok: true as const, intent: input.intent, inviteUrl: null, email: null });
  } catch (error) {
    const failure = actionFailure(error, locale);
    return data({ ...failure, intent: String(form.intent ?? "") }, { status: failure.error.status });
  }
}

export default function TeamPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation(["team", "common"]);
  const dateFmt = new Intl.DateTimeFormat(d.locale === "es" ? "es-US" : "en-US", { dateStyle: "medium" });
  const canInvite = d.assignableRoles.length > 0;
  const canManage = d.assignableRoles.includes("OWNER");
  const message =
    result?.ok && result.intent !== "invite"
      ? { changeRole: t("roleChanged"), remove: t("removed"), revoke: t("revoked") }[result.intent as "changeRole" | "remove" | "revoke"]
      : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {message ? <Alert variant="success" description={message} /> : null}
      {result && !result.ok && result.intent !== "invite" ? <Alert variant="danger" description={result.error.message} /> : null}

      <Card>
        <CardHeader>
          <CardTitle>{t("members")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="divide-y divide-slate-200">
            {d.members.map((m) => (
              <li key={m.membershipId} className="flex flex-wrap items-center gap-3 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">
                    {m.name} {m.userId === d.me ? <span className="text-sm font-normal text-slate-500">({t("you")})</span> : null}
                  </p>
                  <p className="truncate text-sm text-slate-600">{m.email}</p>
                </div>
                {canManage && m.userId !== d.me ? (
                  <Form noValidate method="post" className="flex items-center gap-2">
                    <input type="hidden" name="intent" value="changeRole" />
                    <input type="hidden" name="membershipId" value={m.membershipId} />
                    <NativeSelect
                      name="role"
                      defaultValue={m.role}
                      aria-label={t("changeRole", { name: m.name })}
                      onChange={(e) => e.currentTarget.form?.requestSubmit()}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`common:roles.${r}`)}
                        </option>
                      ))}
                    </NativeSelect>
                    <noscript>
                      <Button type="submit" size="sm" variant="outline">
                        {t("common:save")}
                      </Button>
                    </noscript>
                  </Form>
                ) : (
                  <Badge variant={m.role === "OWNER" ? "brand" : "neutral"}>{t(`common:roles.${m.role}`)}</Badge>
                )}
                {(d.assignableRoles as string[]).includes(m.role) && m.userId !== d.me ? (
                  <Form
                    noValidate
                    method="post"
                    onSubmit={(e) => !confirm(t("removeConfirm", { name: m.name, business: d.business })) && e.preventDefault()}
                  >
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="membershipId" value={m.membershipId} />
                    <Button type="submit" variant="ghost" size="icon" aria-label={t("removeMember", { name: m.name })}>
                      <Trash2 />
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {d.invitations.length ? (
            <>
              <h3 className="mt-6 text-sm font-semibold text-slate-700">{t("pending")}</h3>
              <ul className="divide-y divide-slate-200">
                {d.invitations.map((inv) => (
                  <li key={inv.id} className="flex items-center gap-3 py-3">
                    <div className="min-w-0 flex-1">
                      <p className="truncate font-medium">{inv.email}</p>
                      <p className="text-sm text-slate-600">
                        {t(`common:roles.${inv.role}`)} · {t("expires", { date: dateFmt.format(new Date(inv.expiresAt)) })}
                      </p>
                    </div>
                    {(d.assignableRoles as string[]).includes(inv.role) ? (
                      <Form noValidate method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="invitationId" value={inv.id} />
                        <Button type="submit" variant="ghost" size="icon" aria-label={t("revoke", { email: inv.email })}>
                          <Trash2 />
                        </Button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <UserPlus aria-hidden className="size-5" /> {t("invite.title")}
          </CardTitle>
        </CardHeader>
        <CardContent>
          {canInvite ? (
            <Form
              noValidate
              method="post"
              className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
              key={result?.ok && result.intent === "invite" ? result.inviteUrl : "form"}
            >
              <input type="hidden" name="intent" value="invite" />
              <Field
                label={t("invite.email")}
                error={
                  result && !result.ok && result.intent === "invite" ? (result.error.fields?.email ?? result.error.message) : undefined
                }
              >
                <Input name="email" type="email" autoComplete="off" inputMode="email" required maxLength={TEXT_LIMITS.email} />
              </Field>
              <Field label={t("invite.role")}>
                <NativeSelect name="role" defaultValue={d.assignableRoles.includes("STAFF") ? "STAFF" : d.assignableRoles[0]}>
                  {d.assignableRoles.map((r) => (
                    <option key={r} value={r}>
                      {t(`common:roles.${r}`)}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
              <Button type="submit" loading={navigation.state === "submitting" && navigation.formData?.get("intent") === "invite"}>
                {t("invite.submit")}
              </Button>
            </Form>
          ) : (
            <p className="text-slate-600">{t("invite.cannot")}</p>
          )}
          {result?.ok && result.intent === "invite" && result.inviteUrl ? (
            <InviteLink url={result.inviteUrl} email={result.email ?? ""} />
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("permissions.title")}</CardTitle>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <table className="w-full min-w-[28rem] text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-2 font-medium text-slate-600">
                  {t("permissions.capability")}
                </th>
                {ROLES.map((r) => (
                  <th key={r} scope="col" className="px-2 py-2 text-center font-medium text-slate-600">
                    {t(`common:roles.${r}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Object.entries(d.capabilities).map(([cap, min]) => (
                <tr key={cap} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-2 font-normal">
                    {t(`permissions.items.${cap}`)}
                  </th>
                  {ROLES.map((r) => {
                    const yes = ROLES.indexOf(r) <= ROLES.indexOf(min as (typeof ROLES)[number]);
                    return (
                      <td key={r} className="px-2 py-2 text-center">
                        {yes ? (
                          <Check aria-label={t("permissions.yes")} className="mx-auto size-4 text-emerald-600" />
                        ) : (
                          <Minus aria-label={t("permissions.no")} className="mx-auto size-4 text-slate-300" />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
    </div>
  );
}

function InviteLink({ url, email }: { url: string; email: string }) {
  const { t } = useTranslation(["team", "common"]);
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-4 space-y-2">
      <Alert variant="success" description={t("invite.created", { email })} />
      <label className="block text-sm font-medium" htmlFor="invite-url">
        {t("invite.linkLabel")}
      </label>
      <div className="flex gap-2">
        <Input id="invite-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="invite-url" />
        <Button
          type="button"
          variant="outline"
          onClick={async () => {
            await navigator.clipboard?.writeText(url);
            setCopied(true);
          }}
        >
          {copied ? <Check /> : <Copy />} {copied ? t("common:copied") : t("common:copy")}
        </Button>
      </div>
      <p className="text-sm text-slate-600">{t("invite.noEmailYet")}</p>
    </div>
  );
}
