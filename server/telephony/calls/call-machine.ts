import { assign, createActor, setup, type Snapshot, type SnapshotFrom } from "xstate";
import type { TLocale, TLocalizedText } from "../../i18n/localized-text";
import { translateNow } from "../../i18n/translate.server";
import type { TCallInstruction, TCallOutcome, TCallStep, TRingTarget } from "./call.types";
import { applyPronunciations, type TPronunciation } from "./pronunciations";
import type { TRouteDecision } from "./routing";

/**
 * One inbound call as an XState machine, independent of any carrier. The driver (the
 * SignalWire adapter, the simulator, a test) sends what happened (a digit, speech, an
 * answer, a hangup) and reads back `context.instructions` (say, ring, record, connect…).
 * The session persists the snapshot between events, so each step may run on any instance.
 *
 *   start -> languageMenu (bilingualMenu only: 2 = Spanish) -> greeting
 *   greeting -> ringing | aiConversation | voicemail (per the routing decision)
 *   ringing: SEQUENTIAL rings one target per RING_NO_ANSWER, SIMULTANEOUS all at once;
 *     answered -> connected; exhausted -> aiConversation (afterRing AI, not after a
 *     transfer) | voicemail
 *   aiConversation.listening -CALLER_SAID-> thinking (agent_turn) -AGENT_REPLIED-> listening;
 *     "agent"/"operator"/pressing 0/handoff -> ringing (transfer)
 *   voicemail -RECORDING_DONE-> ended (VOICEMAIL)
 *   HANGUP anywhere -> ended: HUMAN when connected, AI after an agent exchange, MISSED
 *   while ringing or before the voicemail was left, ABANDONED otherwise.
 *
 * Every event may carry `at` (ISO instant, stamped by the session) for the steps.
 */
export type TCallMachineEvent = { at?: string } & (
  | { type: "MENU_DIGIT"; digit: string }
  | { type: "RING_ANSWERED"; target: string }
  | { type: "RING_NO_ANSWER" }
  | { type: "CALLER_SAID"; text: string }
  | { type: "AGENT_REPLIED"; reply: string; handoff: boolean; bookingId?: string | null }
  | { type: "RECORDING_DONE"; durationSeconds: number; recordingUrl: string | null; spokenText: string | null }
  | { type: "HANGUP" }
  | { type: "TIMEOUT" }
);

export interface TCallMachineInput {
  /** ISO instant the call came in. */
  startedAt: string;
  /** The language before any menu choice (a known customer's, else the business's). */
  language: TLocale;
  bilingualMenu: boolean;
  route: TRouteDecision;
  ringTargets: TRingTarget[];
  ringStrategy: "SEQUENTIAL" | "SIMULTANEOUS";
  ringSeconds: number;
  businessName: string;
  /** The AI node's greeting ({{businessName}} is filled in). */
  aiGreeting: TLocalizedText;
  pronunciations: TPronunciation[];
  voicemailMaxSeconds?: number;
}

export interface TVoicemail {
  durationSeconds: number;
  recordingUrl: string | null;
  spokenText: string | null;
}

export interface TCallContext extends TCallMachineInput {
  voicemailMaxSeconds: number;
  /** Next target to ring (SEQUENTIAL). */
  ringIndex: number;
  ringing: TRingTarget[];
  /** Someone was rung (voicemail then apologises that nobody was available). */
  rang: boolean;
  /** The caller asked for a person from the AI: an unanswered ring then ends in voicemail. */
  transferred: boolean;
  answeredBy: TRingTarget | null;
  answeredAt: string | null;
  aiEnteredAt: string | null;
  aiSeconds: number;
  agentTurns: number;
  transcript: Array<{ role: "caller" | "agent"; text: string }>;
  voicemail: TVoicemail | null;
  outcome: TCallOutcome | null;
  endedAt: string | null;
  steps: TCallStep[];
  /** Every instruction so far, in order; the session hands the driver those added by the last event. */
  instructions: TCallInstruction[];
}

export const VOICES: Record<TLocale, { voiceLanguage: "en-US" | "es-US"; voice: string }> = {
  en: { voiceLanguage: "en-US", voice: "polly.Joanna-Neural" },
  es: { voiceLanguage: "es-US", voice: "polly.Lupe-Neural" },
};

const DIGIT_TIMEOUT_SECONDS = 6;

/** Words that ask for a person, in either language (whole words). */
const ASKS_FOR_HUMAN =
  /(?<![\p{L}])(agent|operator|human|representative|(?:a|real|live) person|someone real|agente|operador|operadora|humano|persona|representante)(?![\p{L}])/iu;

/** Whether what the caller said asks for a person. */
export function asksForHuman(text: string): boolean {
  return ASKS_FOR_HUMAN.test(text);
}

type TEmit = { step?: Omit<TCallStep, "at">; instruction?: TCallInstruction };

function atOf(context: TCallContext, event: { type: string; at?: unknown }): string {
  return typeof event.at === "string" ? event.at : context.startedAt;
}

function record(context: TCallContext, at: string, items: TEmit[]): Pick<TCallContext, "steps" | "instructions"> {
  const steps = [...context.steps];
  const instructions = [...context.instructions];
  for (const item of items) {
    if (item.step) steps.push({ at, ...item.step });
    if (item.instruction) instructions.push(item.instruction);
  }
  return { steps, instructions };
}

/** A "say" in `language`'s voice, pronunciations applied. */
function say(context: TCallContext, text: string, language: TLocale = context.language): TEmit {
  const spoken = applyPronunciations(text, context.pronunciations);
  const voice = VOICES[language];
  return { step: { kind: "say", text: spoken, voice: voice.voice }, instruction: { kind: "say", text: spoken, ...voice } };
}

const flow = (language: TLocale, key: string, vars: Record<string, unknown> = {}) => translateNow(language, `calls:flow.${key}`, vars);

function greetingText(context: TCallContext): string {
  const template = context.aiGreeting[context.language] || context.aiGreeting.en;
  return template.replace(/\{\{\s*businessName\s*\}\}/g, context.businessName);
}

function secondsBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
}

export const callMachine = setup({
  types: {
    context: {} as TCallContext,
    events: {} as TCallMachineEvent,
    input: {} as TCallMachineInput,
    output: {} as { outcome: TCallOutcome | null },
  },
  guards: {
    bilingualMenu: ({ context }) => context.bilingualMenu,
    pressedSpanish: ({ event }) => event.type === "MENU_DIGIT" && event.digit === "2",
    routeRing: ({ context }) => context.route.first === "RING",
    routeAi: ({ context }) => context.route.first === "AI",
    nothingToRing: ({ context }) => context.ringing.length === 0,
    answeredByRinging: ({ context, event }) => event.type === "RING_ANSWERED" && context.ringing.some((t) => t.phone === event.target),
    moreToRing: ({ context }) => context.ringStrategy === "SEQUENTIAL" && context.ringIndex + 1 < context.ringTargets.length,
    aiAfterRing: ({ context }) => context.route.afterRing === "AI" && !context.transferred,
    asksForHuman: ({ event }) => event.type === "CALLER_SAID" && asksForHuman(event.text),
    pressedZero: ({ event }) => event.type === "MENU_DIGIT" && event.digit === "0",
    handoff: ({ event }) => event.type === "AGENT_REPLIED" && event.handoff,
  },
  actions: {
    recordRoute: assign(({ context, event }) =>
      record(context, atOf(context, event), [
        { step: { kind: "route", detail: `${context.route.reason}: ${context.route.first} -> ${context.route.afterRing}` } },
      ]),
    ),
    sayMenu: assign(({ context, event }) =>
      record(context, atOf(context, event), [
        say(context, flow(context.language, "menuWelcome", { businessName: context.businessName })),
        say(context, flow("en", "menuOption"), "en"),
        say(context, flow("es", "menuOption"), "es"),
        { instruction: { kind: "gather_digit", timeoutSeconds: DIGIT_TIMEOUT_SECONDS } },
      ]),
    ),
    recordPressed: assign(({ context, event }) =>
      event.type === "MENU_DIGIT" ? record(context, atOf(context, event), [{ step: { kind: "pressed", text: event.digit } }]) : {},
    ),
    chooseLanguage: assign(({ event }) => ({
      language: event.type === "MENU_DIGIT" && event.digit === "2" ? ("es" as const) : ("en" as const),
    })),
    sayHold: assign(({ context, event }) =>
      record(context, atOf(context, event), [say(context, flow(context.language, "hold", { businessName: context.businessName }))]),
    ),
    sayAiGreeting: assign(({ context, event }) => record(context, atOf(context, event), [say(context, greetingText(context))])),
    startRinging: assign(({ context, event }) => {
      const targets =
        context.ringStrategy === "SEQUENTIAL"
          ? context.ringTargets.slice(context.ringIndex, context.ringIndex + 1)
          : [...context.ringTargets];
      if (targets.length === 0) return { ringing: [] };
      return {
        ringing: targets,
        rang: true,
        ...record(context, atOf(context, event), [
          {
            step: { kind: "ring", detail: targets.map((t) => t.name).join(", ") },
            instruction: { kind: "ring", targets, seconds: context.ringSeconds },
          },
        ]),
      };
    }),
    recordNoAnswer: assign(({ context, event }) => ({
      ...record(context, atOf(context, event), [{ step: { kind: "no_answer", detail: context.ringing.map((t) => t.name).join(", ") } }]),
      ringing: [],
    })),
    nextTarget: assign(({ context }) => ({ ringIndex: context.ringIndex + 1 })),
    connect: assign(({ context, event }) => {
      if (event.type !== "RING_ANSWERED") return {};
      const target = context.ringing.find((t) => t.phone === event.target)!;
      const at = atOf(context, event);
      return {
        answeredBy: target,
        answeredAt: at,
        ringing: [],
        ...record(context, at, [{ step: { kind: "answered", detail: target.name }, instruction: { kind: "connect", target } }]),
      };
    }),
    sayAssistantTakesOver: assign(({ context, event }) =>
      record(context, atOf(context, event), [say(context, flow(context.language, "assistantTakesOver"))]),
    ),
    startAi: assign(({ context, event }) => ({ aiEnteredAt: atOf(context, event) })),
    stopAi: assign(({ context, event }) => ({
      aiSeconds: context.aiSeconds + (context.aiEnteredAt ? secondsBetween(context.aiEnteredAt, atOf(context, event)) : 0),
      aiEnteredAt: null,
    })),
    listen: assign(({ context, event }) => record(context, atOf(context, event), [{ instruction: { kind: "listen" } }])),
    askAgent: assign(({ context, event }) => {
      if (event.type !== "CALLER_SAID") return {};
      return {
        transcript: [...context.transcript, { role: "caller" as const, text: event.text }],
        ...record(context, atOf(context, event), [
          { step: { kind: "heard", text: event.text } },
          { instruction: { kind: "agent_turn", text: event.text } },
        ]),
      };
    }),
    recordHeard: assign(({ context, event }) =>
      event.type === "CALLER_SAID"
        ? {
            transcript: [...context.transcript, { role: "caller" as const, text: event.text }],
            ...record(context, atOf(context, event), [{ step: { kind: "heard", text: event.text } }]),
          }
        : {},
    ),
    sayReply: assign(({ context, event }) => {
      if (event.type !== "AGENT_REPLIED") return {};
      const detail = event.bookingId ? `booking:${event.bookingId}` : undefined;
      // An empty reply (the agent failed) says nothing; the handoff that comes with it transfers.
      if (!event.reply.trim())
        return { agentTurns: context.agentTurns + 1, ...record(context, atOf(context, event), [{ step: { kind: "agent", detail } }]) };
      const spoken = say(context, event.reply);
      return {
        agentTurns: context.agentTurns + 1,
        transcript: [...context.transcript, { role: "agent" as const, text: event.reply }],
        ...record(context, atOf(context, event), [{ ...spoken, step: { ...spoken.step!, kind: "agent", detail } }]),
      };
    }),
    transfer: assign(({ context, event }) => ({
      transferred: true,
      ringIndex: 0,
      ...record(context, atOf(context, event), [{ step: { kind: "transfer" } }, say(context, flow(context.language, "transfer"))]),
    })),
    promptVoicemail: assign(({ context, event }) => {
      const text =
        context.rang || context.transferred
          ? `${flow(context.language, "noOneAvailable")} ${flow(context.language, "voicemailPrompt")}`
          : flow(context.language, "voicemailClosed", { businessName: context.businessName });
      return record(context, atOf(context, event), [
        say(context, text),
        { step: { kind: "record" }, instruction: { kind: "record", maxSeconds: context.voicemailMaxSeconds } },
      ]);
    }),
    keepVoicemail: assign(({ context, event }) => {
      if (event.type !== "RECORDING_DONE") return {};
      const voicemail = {
        durationSeconds: Math.max(0, Math.round(event.durationSeconds)),
        recordingUrl: event.recordingUrl,
        spokenText: event.spokenText,
      };
      return {
        voicemail,
        outcome: "VOICEMAIL" as const,
        ...record(context, atOf(context, event), [
          { step: { kind: "voicemail", text: event.spokenText ?? undefined, detail: `${voicemail.durationSeconds}s` } },
          say(context, flow(context.language, "voicemailThanks")),
        ]),
      };
    }),
    sayStillThere: assign(({ context, event }) =>
      record(context, atOf(context, event), [say(context, flow(context.language, "stillThere"))]),
    ),
    recordHangup: assign(({ context, event }) => record(context, atOf(context, event), [{ step: { kind: "hangup" } }])),
    endAs: assign((_, params: { outcome: TCallOutcome }) => ({ outcome: params.outcome })),
    endAiCall: assign(({ context }) => ({ outcome: context.agentTurns > 0 ? ("AI" as const) : ("ABANDONED" as const) })),
    finish: assign(({ context, event }) => {
      const at = atOf(context, event);
      const callerHungUp = event.type === "HANGUP";
      return {
        endedAt: at,
        ringing: [],
        ...record(context, at, [
          { step: { kind: "ended", detail: context.outcome ?? undefined } },
          ...(callerHungUp ? [] : [{ instruction: { kind: "hangup" } as const }]),
        ]),
      };
    }),
  },
}).createMachine({
  id: "call",
  initial: "start",
  context: ({ input }) => ({
    ...input,
    voicemailMaxSeconds: input.voicemailMaxSeconds ?? 120,
    ringIndex: 0,
    ringing: [],
    rang: false,
    transferred: false,
    answeredBy: null,
    answeredAt: null,
    aiEnteredAt: null,
    aiSeconds: 0,
    agentTurns: 0,
    transcript: [],
    voicemail: null,
    outcome: null,
    endedAt: null,
    steps: [],
    instructions: [],
  }),
  output: ({ context }) => ({ outcome: context.outcome }),
  states: {
    start: {
      entry: "recordRoute",
      always: [{ guard: "bilingualMenu", target: "languageMenu" }, { target: "greeting" }],
    },
    languageMenu: {
      entry: "sayMenu",
      on: {
        MENU_DIGIT: { target: "greeting", actions: ["recordPressed", "chooseLanguage"] },
        TIMEOUT: { target: "greeting" },
        HANGUP: { target: "ended", actions: ["recordHangup", { type: "endAs", params: { outcome: "ABANDONED" } }] },
      },
    },
    greeting: {
      always: [
        { guard: "routeRing", target: "ringing", actions: "sayHold" },
        { guard: "routeAi", target: "aiConversation", actions: "sayAiGreeting" },
        { target: "voicemail" },
      ],
    },
    ringing: {
      entry: "startRinging",
      always: [{ guard: "nothingToRing", target: "voicemail" }],
      on: {
        RING_ANSWERED: { guard: "answeredByRinging", target: "connected", actions: "connect" },
        RING_NO_ANSWER: [
          { guard: "moreToRing", target: "ringing", reenter: true, actions: ["recordNoAnswer", "nextTarget"] },
          { guard: "aiAfterRing", target: "aiConversation", actions: ["recordNoAnswer", "sayAssistantTakesOver"] },
          { target: "voicemail", actions: "recordNoAnswer" },
        ],
        TIMEOUT: [
          { guard: "moreToRing", target: "ringing", reenter: true, actions: ["recordNoAnswer", "nextTarget"] },
          { guard: "aiAfterRing", target: "aiConversation", actions: ["recordNoAnswer", "sayAssistantTakesOver"] },
          { target: "voicemail", actions: "recordNoAnswer" },
        ],
        HANGUP: { target: "ended", actions: ["recordHangup", { type: "endAs", params: { outcome: "MISSED" } }] },
      },
    },
    connected: {
      on: {
        HANGUP: { target: "ended", actions: ["recordHangup", { type: "endAs", params: { outcome: "HUMAN" } }] },
      },
    },
    aiConversation: {
      entry: "startAi",
      exit: "stopAi",
      initial: "listening",
      on: {
        HANGUP: { target: "ended", actions: ["recordHangup", "endAiCall"] },
      },
      states: {
        listening: {
          entry: "listen",
          on: {
            CALLER_SAID: [
              { guard: "asksForHuman", target: "#call.ringing", actions: ["recordHeard", "transfer"] },
              { target: "thinking", actions: "askAgent" },
            ],
            MENU_DIGIT: { guard: "pressedZero", target: "#call.ringing", actions: ["recordPressed", "transfer"] },
            TIMEOUT: { target: "#call.ended", actions: ["sayStillThere", "endAiCall"] },
          },
        },
        thinking: {
          on: {
            AGENT_REPLIED: [
              { guard: "handoff", target: "#call.ringing", actions: ["sayReply", "transfer"] },
              { target: "listening", actions: "sayReply" },
            ],
          },
        },
      },
    },
    voicemail: {
      entry: "promptVoicemail",
      on: {
        RECORDING_DONE: { target: "ended", actions: "keepVoicemail" },
        TIMEOUT: { target: "ended", actions: { type: "endAs", params: { outcome: "MISSED" } } },
        HANGUP: { target: "ended", actions: ["recordHangup", { type: "endAs", params: { outcome: "MISSED" } }] },
      },
    },
    ended: {
      type: "final",
      entry: "finish",
    },
  },
});

export type TCallSnapshot = SnapshotFrom<typeof callMachine>;

/** Which input a call in `snapshot` waits for. */
export function awaitingOf(snapshot: TCallSnapshot): "digit" | "speech" | "ring" | "recording" | null {
  if (snapshot.matches("languageMenu")) return "digit";
  if (snapshot.matches("ringing")) return "ring";
  if (snapshot.matches({ aiConversation: "listening" })) return "speech";
  if (snapshot.matches("voicemail")) return "recording";
  return null;
}

/** Whether the machine waits for the agent's reply (the session calls the agent, then sends AGENT_REPLIED). */
export function needsAgentTurn(snapshot: TCallSnapshot): boolean {
  return snapshot.matches({ aiConversation: "thinking" });
}

/** An actor for a call restored from its persisted snapshot (the calls.snapshot column). */
export function restoreCallActor(persisted: unknown) {
  // The input only seeds a new call's context; a restored snapshot already holds it.
  return createActor(callMachine, { snapshot: persisted as Snapshot<unknown>, input: undefined as unknown as TCallMachineInput }).start();
}

/** An actor for a new call. */
export function startCallActor(input: TCallMachineInput) {
  return createActor(callMachine, { input }).start();
}
