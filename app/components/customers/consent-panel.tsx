import { Form } from "@remix-run/react";
import { MessageSquareOff, MessageSquareText } from "lucide-react";
import { useTranslation } from "react-i18next";
import { CONSENT_METHODS, CUSTOMER_TEXT_LIMITS, type TConsentHistoryEntry, type TSmsConsentState } from "#server/customers/customers.types";
import { Badge, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input, NativeSelect } from "~/components/ui";
import { consentSourceKey, dateFormatter } from "./customer-format";

/** Consent to automated texts: the current state, a form to record a change (with how and the words), and the ledger. */
export function ConsentPanel({
  state,
  history,
  hasPhone,
  canEdit,
  busy,
  error,
  locale,
  timeZone,
}: {
  state: TSmsConsentState;
  history: TConsentHistoryEntry[];
  hasPhone: boolean;
  canEdit: boolean;
  busy: boolean;
  error?: string;
  locale: string;
  timeZone: string;
}) {
  const { t } = useTranslation("customers");
  const when = dateFormatter(locale, timeZone, true);
  const status = state.granted ? "granted" : state.at ? "refused" : "unknown";
  return (
    <Card>
      <CardHeader className="pb-3 sm:pb-4">
        <CardTitle as="h2" className="flex items-center justify-between gap-2">
          {t("consent.title")}
          <Badge variant={status === "granted" ? "success" : status === "refused" ? "warning" : "neutral"}>
            {t(`consent.state.${status}`)}
          </Badge>
        </CardTitle>
        <CardDescription>
          {state.at
            ? t("consent.since", { date: when(state.at), source: t(consentSourceKey(state.source), { defaultValue: state.source ?? "" }) })
            : t("consent.neverAsked")}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {canEdit ? (
          <Form noValidate method="post" className="space-y-3 rounded-lg bg-slate-50 p-3">
            <input type="hidden" name="intent" value="consent" />
            <input type="hidden" name="granted" value={state.granted ? "false" : "true"} />
            <Field label={t("consent.method")}>
              <NativeSelect name="method" defaultValue="phoneCall">
                {CONSENT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`consent.methods.${m}`)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field label={t("consent.words")} hint={t("consent.wordsHint")}>
              <Input name="words" maxLength={CUSTOMER_TEXT_LIMITS.consentWords} />
            </Field>
            {error ? (
              <p role="alert" className="text-sm font-medium text-red-700">
                {error}
              </p>
            ) : null}
            <Button
              type="submit"
              variant={state.granted ? "outline" : "primary"}
              loading={busy}
              disabled={!state.granted && !hasPhone}
              className="w-full"
            >
              {state.granted ? <MessageSquareOff /> : <MessageSquareText />}
              {state.granted ? t("consent.recordNo") : t("consent.recordYes")}
            </Button>
            {!state.granted && !hasPhone ? <p className="text-sm text-slate-600">{t("consent.needsPhone")}</p> : null}
          </Form>
        ) : null}
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t("consent.history")}</h3>
          {history.length ? (
            <ol className="mt-2 space-y-3">
              {history.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-200 pl-3 text-sm">
                  <p className="font-medium text-slate-900">
                    {e.action === "OPT_IN" ? t("consent.historyYes") : t("consent.historyNo")}
                    <span className="font-normal text-slate-600"> · {when(e.at)}</span>
                  </p>
                  <p className="text-slate-600">
                    {t(consentSourceKey(e.source), { defaultValue: e.source })}
                    {e.actor ? ` · ${t("consent.by", { name: e.actor.name })}` : ""}
                  </p>
                  {e.words ? <p className="mt-0.5 italic text-slate-700">“{e.words}”</p> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-1 text-sm text-slate-600">{t("consent.noHistory")}</p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
