import { Form, useNavigation } from "@remix-run/react";
import { CheckCircle2, Clock, Globe, Trash2 } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input } from "~/components/ui";

export interface DomainsPanelProps {
  platformUrl: string;
  subdomainUrl: string | null;
  cnameTarget: string;
  domains: Array<{ id: string; hostname: string; verifiedAt: string | null; verification: { name: string; value: string } }>;
  /** Custom domains (an Advanced option): the list and the form to add one. */
  customDomains?: boolean;
  canEdit: boolean;
  error?: string;
}

/** The public page's addresses: /s/<slug>, the subdomain, and custom domains with their DNS steps. */
export function DomainsPanel({ platformUrl, subdomainUrl, cnameTarget, domains, customDomains = true, canEdit, error }: DomainsPanelProps) {
  const { t } = useTranslation("settings");
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Card className="mt-6" id="domains">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Globe aria-hidden className="size-5" /> {t("domains.title")}
        </CardTitle>
        <CardDescription>{t("domains.description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="space-y-3 text-sm">
          <div>
            <dt className="text-slate-600">{t("domains.platformAddress")}</dt>
            <dd>
              <a
                className="break-all font-medium text-brand-700 underline-offset-4 hover:underline"
                href={platformUrl}
                target="_blank"
                rel="noreferrer"
              >
                {platformUrl}
              </a>
            </dd>
          </div>
          {subdomainUrl ? (
            <div>
              <dt className="text-slate-600">{t("domains.subdomain")}</dt>
              <dd className="break-all font-medium">{subdomainUrl}</dd>
            </div>
          ) : null}
        </dl>
        {customDomains && domains.length ? (
          <ul className="space-y-3">
            {domains.map((d) => (
              <li key={d.id} className="rounded-xl border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="break-all font-medium">{d.hostname}</span>
                  {d.verifiedAt ? (
                    <Badge variant="success">
                      <CheckCircle2 aria-hidden className="mr-1 size-3.5" /> {t("domains.verified")}
                    </Badge>
                  ) : (
                    <Badge variant="warning">
                      <Clock aria-hidden className="mr-1 size-3.5" /> {t("domains.pending")}
                    </Badge>
                  )}
                  {canEdit ? (
                    <Form noValidate method="post" className="ml-auto">
                      <input type="hidden" name="intent" value="removeDomain" />
                      <input type="hidden" name="domainId" value={d.id} />
                      <Button type="submit" variant="ghost" size="icon" aria-label={t("domains.remove", { hostname: d.hostname })}>
                        <Trash2 />
                      </Button>
                    </Form>
                  ) : null}
                </div>
                {!d.verifiedAt ? (
                  <div className="mt-3 space-y-3 text-sm">
                    <DnsRecord label={t("domains.step1")} type="CNAME" name={d.hostname} value={cnameTarget} />
                    <DnsRecord label={t("domains.step2")} type="TXT" name={d.verification.name} value={d.verification.value} />
                    {canEdit ? (
                      <Form noValidate method="post">
                        <input type="hidden" name="intent" value="verifyDomain" />
                        <input type="hidden" name="domainId" value={d.id} />
                        <Button type="submit" variant="outline" size="sm" loading={busy("verifyDomain")}>
                          {t("domains.verify")}
                        </Button>
                      </Form>
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {customDomains && canEdit ? (
          <Form noValidate method="post" className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
            <input type="hidden" name="intent" value="addDomain" />
            <Field label={t("domains.addLabel")} hint={t("domains.addHint")} error={error}>
              <Input
                name="hostname"
                inputMode="url"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                placeholder="www.example.com"
              />
            </Field>
            <Button type="submit" variant="outline" loading={busy("addDomain")}>
              {t("domains.add")}
            </Button>
          </Form>
        ) : null}
      </CardContent>
    </Card>
  );
}

function DnsRecord({ label, type, name, value }: { label: string; type: string; name: string; value: string }) {
  const { t } = useTranslation("settings");
  return (
    <div>
      <p className="mb-1 text-slate-700">{label}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg bg-slate-50 p-2 font-mono text-xs">
        <dt className="text-slate-500">{t("domains.recordType")}</dt>
        <dd>{type}</dd>
        <dt className="text-slate-500">{t("domains.recordName")}</dt>
        <dd className="break-all">{name}</dd>
        <dt className="text-slate-500">{t("domains.recordValue")}</dt>
        <dd className="break-all">{value}</dd>
      </dl>
    </div>
  );
}
