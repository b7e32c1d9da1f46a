import {
  Bot,
  CircleStop,
  Ear,
  Grid3x3,
  type LucideIcon,
  Mic,
  PhoneCall,
  PhoneForwarded,
  PhoneIncoming,
  PhoneMissed,
  PhoneOff,
  Route,
  Voicemail,
  Volume2,
} from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge, cn } from "~/components/ui";
import type { TCallStep, TCallStepKind, TCallView } from "./simulator-api";

const ICONS: Record<TCallStepKind, LucideIcon> = {
  route: Route,
  say: Volume2,
  pressed: Grid3x3,
  heard: Ear,
  ring: PhoneCall,
  answered: PhoneIncoming,
  no_answer: PhoneMissed,
  agent: Bot,
  transfer: PhoneForwarded,
  record: Mic,
  voicemail: Voicemail,
  hangup: PhoneOff,
  ended: CircleStop,
};

/** Steps the caller did (shown on the right, like a chat), as opposed to what the line did. */
const CALLER_KINDS = new Set<TCallStepKind>(["pressed", "heard", "voicemail", "hangup"]);

/** The call flow's voices (server/telephony/calls/call-machine.ts VOICES) by the language they speak. */
const VOICE_LANGUAGES: Record<string, "en" | "es"> = { "polly.Joanna-Neural": "en", "polly.Lupe-Neural": "es" };

/** The language a step's voice speaks: a known voice, a name like "es-US-…", else the call's language. */
export function voiceLanguage(step: TCallStep, callLanguage: "en" | "es"): "en" | "es" {
  const known = VOICE_LANGUAGES[step.voice ?? ""];
  if (known) return known;
  const m = /^(en|es)\b/i.exec(step.voice ?? "");
  return m ? (m[1].toLowerCase() as "en" | "es") : callLanguage;
}

type TFn = ReturnType<typeof useTranslation<"phone">>["t"];

/** A step's detail for people: the routing decision ("humanFirst: RING -> AI") and outcomes in words. */
function describeDetail(step: TCallStep, t: TFn): string {
  const detail = step.detail ?? "";
  if (step.kind === "route") {
    const m = /^(\w+): (\w+) -> (\w+)$/.exec(detail);
    if (!m) return detail;
    const [, reason, first, then] = m;
    // Where the call goes after an unanswered ring only matters when it rings first.
    if (first !== "RING")
      return t("simulator.routeDetailDirect", {
        reason: t(`simulator.routes.${reason}`, { defaultValue: reason }),
        first: t(`simulator.routeTargets.${first}`, { defaultValue: first }),
      });
    return t("simulator.routeDetail", {
      reason: t(`simulator.routes.${reason}`, { defaultValue: reason }),
      first: t(`simulator.routeTargets.${first}`, { defaultValue: first }),
      then: t(`simulator.routeTargets.${then}`, { defaultValue: then }),
    });
  }
  if (step.kind === "ended") return t(`simulator.outcomes.${detail}`, { defaultValue: detail });
  return detail;
}

/** The call's timeline: who said what, what was pressed, where the call went. */
export function CallSteps({ call, timeZone }: { call: TCallView; timeZone: string }) {
  const { t, i18n } = useTranslation("phone");
  const time = new Intl.DateTimeFormat(i18n.language, { hour: "numeric", minute: "2-digit", second: "2-digit", timeZone });
  return (
    <ol className="space-y-2" aria-label={t("simulator.steps.title")} data-testid="call-steps">
      {call.steps.map((step, i) => {
        const Icon = ICONS[step.kind] ?? Route;
        const fromCaller = CALLER_KINDS.has(step.kind);
        const speaks = step.kind === "say" || step.kind === "agent";
        const lang = voiceLanguage(step, call.language);
        return (
          <li key={`${step.at}-${i}`} className={cn("flex", fromCaller ? "justify-end" : "justify-start")} data-kind={step.kind}>
            <div
              className={cn(
                "max-w-[90%] rounded-2xl px-3 py-2 text-sm sm:max-w-[80%]",
                fromCaller ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-900",
              )}
            >
              <div
                className={cn(
                  "flex flex-wrap items-center gap-x-2 gap-y-1 text-xs font-medium",
                  fromCaller ? "text-brand-50" : "text-slate-600",
                )}
              >
                <Icon aria-hidden className="size-4 shrink-0" />
                <span>{t(`simulator.steps.${step.kind}`, { digit: step.detail ?? step.text ?? "" })}</span>
                {speaks ? (
                  <Badge variant="info" className="gap-1" title={step.voice}>
                    <Volume2 aria-hidden className="size-3" />
                    {t("simulator.voiceIn", { language: t(`simulator.languages.${lang}`) })}
                  </Badge>
                ) : null}
                <time dateTime={step.at} className={cn("ml-auto tabular-nums", fromCaller ? "text-brand-50" : "text-slate-600")}>
                  {time.format(new Date(step.at))}
                </time>
              </div>
              {step.text && step.kind !== "pressed" ? (
                <p className="mt-1 whitespace-pre-wrap" lang={speaks ? lang : undefined}>
                  {step.text}
                </p>
              ) : null}
              {step.detail && step.kind !== "pressed" ? (
                <p className={cn("mt-1 text-xs", fromCaller ? "text-brand-50" : "text-slate-600")}>{describeDetail(step, t)}</p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
