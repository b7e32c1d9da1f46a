import { PhoneCall, PhoneOff, Send, Voicemail } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatPhone, normalizePhone } from "#server/customers/phone";
import { Alert, Badge, Button, Field, Input, Textarea } from "~/components/ui";
import { CallSteps } from "./call-steps";
import { simulator, simulatorErrorMessage, type TCallInput, type TCallView } from "./simulator-api";

export const DEMO_CALLER = "(512) 555-0142";
const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"] as const;

/**
 * A pretend phone: starts a call to the tenant's line through the same flow as real
 * traffic, shows each step, and offers only the controls the call is waiting for.
 */
export function CallSimulator({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation("phone");
  const [from, setFrom] = useState(DEMO_CALLER);
  const [fromError, setFromError] = useState<string | null>(null);
  const [call, setCall] = useState<TCallView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recent, setRecent] = useState<TCallView[]>([]);
  const bottom = useRef<HTMLDivElement>(null);

  const loadRecent = useCallback(() => {
    simulator
      .recentCalls(5)
      .then(setRecent)
      .catch(() => setRecent([]));
  }, []);
  useEffect(loadRecent, [loadRecent]);

  const run = async (work: () => Promise<TCallView>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await work();
      setCall(next);
      if (next.status === "ENDED") loadRecent();
      // Keep the newest step and the controls in view on a phone as the timeline grows.
      requestAnimationFrame(() => bottom.current?.scrollIntoView({ block: "nearest", behavior: "smooth" }));
    } catch (e) {
      setError(simulatorErrorMessage(e, t("simulator.unavailable")));
    } finally {
      setBusy(false);
    }
  };

  const start = () => {
    const e164 = normalizePhone(from);
    if (!e164) {
      setFromError(t("simulator.invalidFrom"));
      return;
    }
    setFromError(null);
    void run(() => simulator.startCall(e164));
  };
  const send = (input: TCallInput) => {
    if (call) void run(() => simulator.callInput(call.id, input));
  };

  const live = call?.status === "LIVE";
  return (
    <div className="space-y-4">
      {!live ? (
        <form
          noValidate
          className="flex flex-col gap-3 sm:flex-row sm:items-start"
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <Field label={t("simulator.from")} hint={t("simulator.fromHint")} error={fromError ?? undefined} className="sm:w-96">
            <Input type="tel" inputMode="tel" autoComplete="off" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          </Field>
          <Button type="submit" loading={busy} loadingText={t("simulator.starting")} className="sm:mt-[26px]">
            <PhoneCall /> {call ? t("simulator.newCall") : t("simulator.startCall")}
          </Button>
        </form>
      ) : null}
      {error ? <Alert variant="danger" description={error} /> : null}
      {call ? (
        <div
          className="space-y-4 rounded-2xl border border-slate-200 bg-white p-3 sm:p-4"
          data-testid="call-panel"
          data-status={call.status}
          data-awaiting={call.awaiting ?? ""}
        >
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={live ? "success" : "neutral"}>{live ? t("simulator.live") : t("simulator.ended")}</Badge>
            <Badge variant="brand">{t(`simulator.languages.${call.language}`)}</Badge>
            {call.outcome ? (
              <span className="text-sm text-slate-700">
                {t("simulator.outcome", { outcome: t(`simulator.outcomes.${call.outcome}`, { defaultValue: call.outcome }) })}
              </span>
            ) : null}
          </div>
          <div aria-live="polite">
            <CallSteps call={call} timeZone={timeZone} />
          </div>
          {live ? <CallControls call={call} busy={busy} onInput={send} /> : null}
          <div ref={bottom} />
        </div>
      ) : null}
      {recent.length ? <RecentCalls calls={recent} current={call?.id} timeZone={timeZone} onOpen={setCall} /> : null}
    </div>
  );
}

function CallControls({ call, busy, onInput }: { call: TCallView; busy: boolean; onInput: (input: TCallInput) => void }) {
  const { t } = useTranslation("phone");
  const [said, setSaid] = useState("");
  const [voicemail, setVoicemail] = useState("");
  const [seconds, setSeconds] = useState("12");
  return (
    <div className="space-y-4 border-t border-slate-200 pt-4">
      {call.awaiting ? <p className="text-sm font-medium text-slate-700">{t(`simulator.awaiting.${call.awaiting}`)}</p> : null}
      {call.awaiting === "digit" ? (
        <div role="group" aria-label={t("simulator.keypad")} className="grid max-w-60 grid-cols-3 gap-2">
          {KEYS.map((k) => (
            <Button
              key={k}
              type="button"
              variant="outline"
              className="text-lg tabular-nums"
              disabled={busy}
              aria-label={t("simulator.pressKey", { digit: k })}
              onClick={() => onInput({ kind: "digit", digit: k })}
            >
              {k}
            </Button>
          ))}
        </div>
      ) : null}
      {call.awaiting === "speech" ? (
        <form
          noValidate
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            if (!said.trim()) return;
            onInput({ kind: "say", text: said.trim() });
            setSaid("");
          }}
        >
          <Field label={t("simulator.say")} className="flex-1">
            <Input
              value={said}
              onChange={(e) => setSaid(e.currentTarget.value)}
              placeholder={t("simulator.sayPlaceholder")}
              maxLength={1000}
              autoComplete="off"
            />
          </Field>
          <Button type="submit" disabled={busy || !said.trim()}>
            <Send /> {t("simulator.send")}
          </Button>
        </form>
      ) : null}
      {call.awaiting === "ring" ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {call.ringing.map((target, i) => (
            <Button
              key={`${target.phone}-${i}`}
              type="button"
              variant="secondary"
              disabled={busy}
              onClick={() => onInput({ kind: "answer", targetIndex: i })}
            >
              <PhoneCall /> {t("simulator.answer", { name: target.name })}
            </Button>
          ))}
          <Button type="button" variant="outline" disabled={busy} onClick={() => onInput({ kind: "noAnswer" })}>
            {t("simulator.noAnswer")}
          </Button>
        </div>
      ) : null}
      {call.awaiting === "recording" ? (
        <form
          noValidate
          className="space-y-3"
          aria-label={t("simulator.voicemail")}
          onSubmit={(e) => {
            e.preventDefault();
            const n = Math.round(Number(seconds));
            onInput({ kind: "voicemail", text: voicemail.trim(), seconds: Number.isFinite(n) && n > 0 ? Math.min(n, 300) : 1 });
          }}
        >
          <Field label={t("simulator.voicemailText")}>
            <Textarea value={voicemail} onChange={(e) => setVoicemail(e.currentTarget.value)} rows={3} maxLength={2000} />
          </Field>
          <Field label={t("simulator.voicemailSeconds")}>
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={300}
              value={seconds}
              onChange={(e) => setSeconds(e.currentTarget.value)}
              className="w-28"
            />
          </Field>
          <Button type="submit" disabled={busy || !voicemail.trim()}>
            <Voicemail /> {t("simulator.leaveVoicemail")}
          </Button>
        </form>
      ) : null}
      <Button type="button" variant="danger" disabled={busy} onClick={() => onInput({ kind: "hangup" })} className="w-full sm:w-auto">
        <PhoneOff /> {t("simulator.hangup")}
      </Button>
    </div>
  );
}

function RecentCalls({
  calls,
  current,
  timeZone,
  onOpen,
}: {
  calls: TCallView[];
  current?: string;
  timeZone: string;
  onOpen: (call: TCallView) => void;
}) {
  const { t, i18n } = useTranslation("phone");
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <section aria-labelledby="recent-calls" className="space-y-2">
      <h3 id="recent-calls" className="font-medium text-slate-900">
        {t("simulator.recentCalls")}
      </h3>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {calls.map((c) => {
          const at = c.startedAt;
          return (
            <li key={c.id} className="flex items-center gap-3 px-3 py-2 text-sm">
              <span className="flex-1">
                <time dateTime={at}>{when.format(new Date(at))}</time>
                <span className="text-slate-600"> · {formatPhone(c.from)}</span>
                <span className="text-slate-600">
                  {" "}
                  ·{" "}
                  {c.outcome
                    ? t(`simulator.outcomes.${c.outcome}`, { defaultValue: c.outcome })
                    : t(c.status === "LIVE" ? "simulator.live" : "simulator.ended")}
                </span>
              </span>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                disabled={c.id === current}
                onClick={() => onOpen(c)}
                aria-label={t("simulator.openCall", { time: when.format(new Date(at)) })}
              >
                {t("simulator.open")}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
