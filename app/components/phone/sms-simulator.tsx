import { Link } from "@remix-run/react";
import { ExternalLink, Send } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { normalizePhone } from "#server/customers/phone";
import { Alert, Button, cn, Field, Input, Spinner, Textarea } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { DEMO_CALLER } from "./call-simulator";
import { simulator, simulatorErrorMessage } from "./simulator-api";

const POLL_MS = 1500;
const POLL_FOR_MS = 20_000;

interface ThreadMessage {
  id: string;
  direction: "INBOUND" | "OUTBOUND" | "INTERNAL";
  body: string;
  createdAt: string;
}

/**
 * A pretend customer texting the line: the text enters the same inbound path as real SMS;
 * the thread is polled for a while so the AI reply or the STOP confirmation shows up here.
 */
export function SmsSimulator({ timeZone }: { timeZone: string }) {
  const { t, i18n } = useTranslation("phone");
  const [from, setFrom] = useState(DEMO_CALLER);
  const [fromError, setFromError] = useState<string | null>(null);
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [messages, setMessages] = useState<ThreadMessage[]>([]);
  const [pollUntil, setPollUntil] = useState(0);
  const [polling, setPolling] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    if (!conversationId || !pollUntil) return;
    let stopped = false;
    const tick = async () => {
      try {
        const thread = await trpc.inbox.get.query({ conversationId, limit: 30 });
        if (stopped) return;
        setMessages(
          thread.messages
            .filter((m) => m.direction !== "INTERNAL")
            .map((m) => ({ id: m.id, direction: m.direction, body: m.body, createdAt: String(m.createdAt) })),
        );
      } catch {
        // A failed poll is retried on the next tick.
      }
      if (stopped) return;
      if (Date.now() < pollUntil) timer.current = setTimeout(tick, POLL_MS);
      else setPolling(false);
    };
    setPolling(true);
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer.current);
    };
  }, [conversationId, pollUntil]);

  const submit = async () => {
    const e164 = normalizePhone(from);
    if (!e164) {
      setFromError(t("simulator.invalidFrom"));
      return;
    }
    setFromError(null);
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const sent = await simulator.sendSms(e164, body.trim());
      setBody("");
      setConversationId(sent.conversationId);
      setPollUntil(Date.now() + POLL_FOR_MS);
    } catch (e) {
      setError(simulatorErrorMessage(e, t("simulator.unavailable")));
    } finally {
      setBusy(false);
    }
  };

  const time = new Intl.DateTimeFormat(i18n.language, { hour: "numeric", minute: "2-digit", timeZone });
  return (
    <div className="space-y-4">
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label={t("simulator.textFrom")} hint={t("simulator.fromHint")} error={fromError ?? undefined} className="sm:w-96">
          <Input type="tel" inputMode="tel" autoComplete="off" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </Field>
        <Field label={t("simulator.message")} className="max-w-xl">
          <Textarea
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            rows={2}
            maxLength={1600}
            placeholder={t("simulator.messagePlaceholder")}
          />
        </Field>
        <Button type="submit" loading={busy} disabled={!body.trim()}>
          <Send /> {t("simulator.sendText")}
        </Button>
      </form>
      {error ? <Alert variant="danger" description={error} /> : null}
      {conversationId ? (
        <section aria-labelledby="sms-thread" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-3 sm:p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id="sms-thread" className="font-medium text-slate-900">
              {t("simulator.thread")}
            </h3>
            <Link
              to={`/dashboard/inbox/${conversationId}`}
              className="inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
            >
              {t("simulator.openInbox")} <ExternalLink aria-hidden className="size-4" />
            </Link>
          </div>
          <ol className="space-y-2" aria-live="polite" data-testid="sms-thread">
            {messages.map((m) => {
              const mine = m.direction === "INBOUND";
              return (
                <li key={m.id} className={cn("flex", mine ? "justify-end" : "justify-start")} data-direction={m.direction}>
                  <div
                    className={cn(
                      "max-w-[85%] rounded-2xl px-3 py-2 text-sm",
                      mine ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-900",
                    )}
                  >
                    <p className={cn("text-xs font-medium", mine ? "text-brand-50" : "text-slate-600")}>
                      {mine ? t("simulator.you") : t("simulator.business")} ·{" "}
                      <time dateTime={m.createdAt}>{time.format(new Date(m.createdAt))}</time>
                    </p>
                    <p className="whitespace-pre-wrap">{m.body}</p>
                  </div>
                </li>
              );
            })}
          </ol>
          {polling ? (
            <p className="flex items-center gap-2 text-sm text-slate-600">
              <Spinner size="sm" /> {t("simulator.waitingReply")}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
