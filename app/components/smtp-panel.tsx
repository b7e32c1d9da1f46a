import { Form, Link, useNavigation } from "@remix-run/react";
import { Mail } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input, Switch } from "~/components/ui";
import { TEXT_LIMITS } from "#server/validation/limits";

export interface SmtpPanelProps {
  smtp: { host: string; port: number; secure: boolean; user: string; hasPassword: boolean } | null;
  canEdit: boolean;
  fieldErrors: Record<string, string>;
}

/** The tenant's own email server, a test message, and the way to the sent-mail list. */
export function SmtpPanel({ smtp, canEdit, fieldErrors }: SmtpPanelProps) {
  const { t } = useTranslation("settings");
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Card className="mt-6" id="smtp">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Mail aria-hidden className="size-5" /> {t("smtp.title")}
        </CardTitle>
        <CardDescription>{t("smtp.description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {!smtp ? <p className="text-sm text-slate-700">{t("smtp.notConfigured")}</p> : null}
        {canEdit ? (
          <Form noValidate method="post" className="grid gap-4 sm:grid-cols-2">
            <input type="hidden" name="intent" value="saveSmtp" />
            <Field label={t("smtp.host")} error={fieldErrors.host}>
              <Input
                name="host"
                defaultValue={smtp?.host ?? ""}
                placeholder="smtp.example.com"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={TEXT_LIMITS.smtpField}
              />
            </Field>
            <Field label={t("smtp.port")} error={fieldErrors.port}>
              <Input name="port" type="number" inputMode="numeric" min={1} max={65535} defaultValue={smtp?.port ?? 587} />
            </Field>
            <Field label={t("smtp.user")} error={fieldErrors.user}>
              <Input
                name="user"
                defaultValue={smtp?.user ?? ""}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={TEXT_LIMITS.smtpField}
              />
            </Field>
            <Field label={t("smtp.password")} hint={smtp?.hasPassword ? t("smtp.passwordKept") : undefined} error={fieldErrors.password}>
              <Input name="password" type="password" autoComplete="new-password" />
            </Field>
            <div className="flex items-center gap-3 sm:col-span-2">
              <Switch id="smtp-secure" name="secure" defaultChecked={smtp?.secure ?? false} />
              <label htmlFor="smtp-secure" className="text-sm">
                {t("smtp.secure")}
              </label>
            </div>
            <div className="flex flex-col gap-2 sm:col-span-2 sm:flex-row">
              <Button type="submit" loading={busy("saveSmtp")}>
                {t("smtp.save")}
              </Button>
            </div>
          </Form>
        ) : null}
        <div className="flex flex-col gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:items-center">
          {canEdit ? (
            <Form noValidate method="post">
              <input type="hidden" name="intent" value="testEmail" />
              <Button type="submit" variant="outline" loading={busy("testEmail")}>
                {t("smtp.test")}
              </Button>
            </Form>
          ) : null}
          {canEdit && smtp ? (
            <Form noValidate method="post">
              <input type="hidden" name="intent" value="clearSmtp" />
              <Button type="submit" variant="ghost">
                {t("smtp.remove")}
              </Button>
            </Form>
          ) : null}
          <Link to="/dashboard/mailbox" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline sm:ml-auto">
            {t("smtp.mailboxLink")}
          </Link>
        </div>
      </CardContent>
    </Card>
  );
}
