import { describe, expect, it } from "vitest";
import { createActor, type AnyStateNode, type AnyTransitionDefinition, type InspectionEvent } from "xstate";
import {
  asksForHuman,
  awaitingOf,
  callMachine,
  restoreCallActor,
  needsAgentTurn,
  type TCallMachineEvent,
  type TCallMachineInput,
} from "../../../server/telephony/calls/call-machine";
import type { TRouteDecision } from "../../../server/telephony/calls/routing";

/**
 * The call flow, transition by transition, in English and Spanish. Each test drives a fresh
 * actor with timestamped events, as the session does, and checks the state, the outcome,
 * the steps and the instructions for the driver.
 */
const T0 = Date.UTC(2030, 0, 7, 15, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

const ANA = { name: "Ana", phone: "+15125550101" };
const BEN = { name: "Ben", phone: "+15125550102" };

const RING_THEN_AI: TRouteDecision = { first: "RING", afterRing: "AI", reason: "humanFirst" };
const RING_THEN_VM: TRouteDecision = { first: "RING", afterRing: "VOICEMAIL", reason: "humanFirst" };
const AI_FIRST: TRouteDecision = { first: "AI", afterRing: "VOICEMAIL", reason: "aiFirst" };
const VM_FIRST: TRouteDecision = { first: "VOICEMAIL", afterRing: "VOICEMAIL", reason: "hybridClosed" };

function input(overrides: Partial<TCallMachineInput> = {}): TCallMachineInput {
  return {
    startedAt: at(0),
    language: "en",
    bilingualMenu: false,
    route: RING_THEN_AI,
    ringTargets: [ANA, BEN],
    ringStrategy: "SEQUENTIAL",
    ringSeconds: 20,
    businessName: "Shine Co",
    aiGreeting: {
      en: "Thanks for calling {{businessName}}! How can I help?",
      es: "¡Gracias por llamar a {{businessName}}! ¿En qué le puedo ayudar?",
    },
    pronunciations: [],
    ...overrides,
  };
}

type TEvent = TCallMachineEvent;

/** Every transition the tests took, to prove at the end that each one of the machine was exercised. */
const taken = new Set<string>();
const guardName = (g: unknown) => (typeof g === "string" ? g : typeof g === "object" && g && "type" in g ? String(g.type) : "inline");
const transitionKey = (t: AnyTransitionDefinition) =>
  `${t.source.id} --${t.eventType}${t.guard ? `[${guardName(t.guard)}]` : ""}--> ${(t.target ?? []).map((n: AnyStateNode) => n.id).join(",") || "(self)"}`;
const inspect = (e: InspectionEvent) => {
  if (e.type === "@xstate.microstep") for (const t of e._transitions) taken.add(transitionKey(t));
};

function allTransitions(node: AnyStateNode): string[] {
  const own = [...node.transitions.values()]
    .flat()
    .concat(node.always ?? [])
    .map(transitionKey);
  return own.concat(Object.values(node.states).flatMap((child) => allTransitions(child as AnyStateNode)));
}

function drive(machineInput: TCallMachineInput, events: TEvent[]) {
  const actor = createActor(callMachine, { input: machineInput, inspect }).start();
  events.forEach((e, i) => {
    const snapshot = actor.getSnapshot();
    if (!snapshot.can(e)) throw new Error(`refused ${e.type} in ${JSON.stringify(snapshot.value)}`);
    actor.send({ at: at(i + 1), ...e });
  });
  return actor.getSnapshot();
}

const said = (s: ReturnType<typeof drive>) =>
  s.context.instructions.filter((i) => i.kind === "say").map((i) => (i.kind === "say" ? i.text : ""));
const kinds = (s: ReturnType<typeof drive>) => s.context.steps.map((x) => x.kind);

describe("call machine: start and language menu", () => {
  it("without the bilingual menu goes straight to the greeting and rings the first target (sequential)", () => {
    const s = drive(input(), []);
    expect(s.value).toBe("ringing");
    expect(awaitingOf(s)).toBe("ring");
    expect(s.context.steps[0]).toMatchObject({ kind: "route", at: at(0), detail: "humanFirst: RING -> AI" });
    expect(said(s)).toEqual(["Thanks for calling Shine Co. Please hold while I connect you."]);
    expect(s.context.instructions.at(-1)).toEqual({ kind: "ring", targets: [ANA], seconds: 20 });
  });

  it("with the bilingual menu says the menu in both voices and waits for a digit", () => {
    const s = drive(input({ bilingualMenu: true }), []);
    expect(s.value).toBe("languageMenu");
    expect(awaitingOf(s)).toBe("digit");
    const says = s.context.instructions.filter((i) => i.kind === "say");
    expect(says).toEqual([
      { kind: "say", text: "Thanks for calling Shine Co.", voiceLanguage: "en-US", voice: "polly.Joanna-Neural" },
      { kind: "say", text: "For English, press 1.", voiceLanguage: "en-US", voice: "polly.Joanna-Neural" },
      { kind: "say", text: "Para español, oprima dos.", voiceLanguage: "es-US", voice: "polly.Lupe-Neural" },
    ]);
    expect(s.context.instructions.at(-1)).toEqual({ kind: "gather_digit", timeoutSeconds: 6 });
  });

  it("pressing 2 switches to Spanish: the rest of the call speaks Spanish with a Spanish voice", () => {
    const s = drive(input({ bilingualMenu: true }), [{ type: "MENU_DIGIT", digit: "2" }]);
    expect(s.value).toBe("ringing");
    expect(s.context.language).toBe("es");
    expect(s.context.steps.find((x) => x.kind === "pressed")).toMatchObject({ text: "2", at: at(1) });
    const hold = s.context.instructions.filter((i) => i.kind === "say").at(-1);
    expect(hold).toEqual({
      kind: "say",
      text: "Gracias por llamar a Shine Co. Por favor espere mientras le comunico.",
      voiceLanguage: "es-US",
      voice: "polly.Lupe-Neural",
    });
  });

  it("pressing 1 (or any other digit) keeps English, even for a caller whose default was Spanish", () => {
    const s = drive(input({ bilingualMenu: true, language: "es" }), [{ type: "MENU_DIGIT", digit: "1" }]);
    expect(s.context.language).toBe("en");
    expect(said(s).at(-1)).toBe("Thanks for calling Shine Co. Please hold while I connect you.");
  });

  it("a menu timeout keeps the caller's default language", () => {
    const s = drive(input({ bilingualMenu: true, language: "es", route: AI_FIRST }), [{ type: "TIMEOUT" }]);
    expect(s.value).toEqual({ aiConversation: "listening" });
    expect(s.context.language).toBe("es");
    expect(said(s).at(-1)).toBe("¡Gracias por llamar a Shine Co! ¿En qué le puedo ayudar?");
  });

  it("hanging up at the menu is ABANDONED", () => {
    const s = drive(input({ bilingualMenu: true }), [{ type: "HANGUP" }]);
    expect(s.status).toBe("done");
    expect(s.output).toEqual({ outcome: "ABANDONED" });
    expect(kinds(s).slice(-2)).toEqual(["hangup", "ended"]);
    // The caller is gone: no hangup instruction for the driver.
    expect(s.context.instructions.some((i) => i.kind === "hangup")).toBe(false);
  });

  it("the menu ignores speech", () => {
    const actor = createActor(callMachine, { input: input({ bilingualMenu: true }) }).start();
    expect(actor.getSnapshot().can({ type: "CALLER_SAID", text: "hello" })).toBe(false);
  });
});

describe("call machine: greeting routes", () => {
  it("AI first: the AI node's greeting, then listening (English)", () => {
    const s = drive(input({ route: AI_FIRST }), []);
    expect(s.value).toEqual({ aiConversation: "listening" });
    expect(awaitingOf(s)).toBe("speech");
    expect(said(s)).toEqual(["Thanks for calling Shine Co! How can I help?"]);
    expect(s.context.instructions.at(-1)).toEqual({ kind: "listen" });
  });

  it("AI first in Spanish uses the Spanish greeting and voice", () => {
    const s = drive(input({ route: AI_FIRST, language: "es" }), []);
    expect(s.context.instructions[0]).toEqual({
      kind: "say",
      text: "¡Gracias por llamar a Shine Co! ¿En qué le puedo ayudar?",
      voiceLanguage: "es-US",
      voice: "polly.Lupe-Neural",
    });
  });

  it("voicemail first (closed, AI off): the closed message, then record", () => {
    const s = drive(input({ route: VM_FIRST }), []);
    expect(s.value).toBe("voicemail");
    expect(awaitingOf(s)).toBe("recording");
    expect(said(s)).toEqual([
      "Thanks for calling Shine Co. We cannot take your call right now. Please leave your name, number and a short message after the tone.",
    ]);
    expect(s.context.instructions.at(-1)).toEqual({ kind: "record", maxSeconds: 120 });
  });

  it("voicemail first in Spanish", () => {
    const s = drive(input({ route: VM_FIRST, language: "es" }), []);
    expect(said(s)[0]).toMatch(/^Gracias por llamar a Shine Co\. En este momento no podemos atender su llamada\./);
  });
});

describe("call machine: ringing", () => {
  it("sequential: each unanswered target rings the next for ringSeconds", () => {
    const s = drive(input(), [{ type: "RING_NO_ANSWER" }]);
    expect(s.value).toBe("ringing");
    expect(s.context.ringing).toEqual([BEN]);
    expect(s.context.instructions.filter((i) => i.kind === "ring")).toEqual([
      { kind: "ring", targets: [ANA], seconds: 20 },
      { kind: "ring", targets: [BEN], seconds: 20 },
    ]);
    expect(kinds(s)).toEqual(["route", "say", "ring", "no_answer", "ring"]);
  });

  it("a TIMEOUT while ringing counts as no answer", () => {
    const s = drive(input(), [{ type: "TIMEOUT" }]);
    expect(s.context.ringing).toEqual([BEN]);
  });

  it("simultaneous: rings everyone at once; whoever answers is connected", () => {
    const s0 = drive(input({ ringStrategy: "SIMULTANEOUS" }), []);
    expect(s0.context.instructions.at(-1)).toEqual({ kind: "ring", targets: [ANA, BEN], seconds: 20 });
    const s = drive(input({ ringStrategy: "SIMULTANEOUS" }), [{ type: "RING_ANSWERED", target: BEN.phone }]);
    expect(s.value).toBe("connected");
    expect(awaitingOf(s)).toBeNull();
    expect(s.context.answeredBy).toEqual(BEN);
    expect(s.context.answeredAt).toBe(at(1));
    expect(s.context.instructions.at(-1)).toEqual({ kind: "connect", target: BEN });
  });

  it("an answer from someone who is not being rung is refused", () => {
    const actor = createActor(callMachine, { input: input() }).start();
    expect(actor.getSnapshot().can({ type: "RING_ANSWERED", target: BEN.phone })).toBe(false);
    expect(actor.getSnapshot().can({ type: "RING_ANSWERED", target: ANA.phone })).toBe(true);
  });

  it("simultaneous with no answer goes to the AI (afterRing AI), with an apology", () => {
    const s = drive(input({ ringStrategy: "SIMULTANEOUS" }), [{ type: "RING_NO_ANSWER" }]);
    expect(s.value).toEqual({ aiConversation: "listening" });
    expect(said(s).at(-1)).toBe("Sorry, nobody could pick up. Our assistant can help you.");
  });

  it("sequential, all unanswered, afterRing VOICEMAIL: voicemail apologises that nobody was available (Spanish)", () => {
    const s = drive(input({ route: RING_THEN_VM, language: "es" }), [{ type: "RING_NO_ANSWER" }, { type: "TIMEOUT" }]);
    expect(s.value).toBe("voicemail");
    expect(said(s).at(-1)).toBe(
      "Lo sentimos, en este momento no hay nadie disponible. Por favor deje su nombre, su número y un mensaje breve después del tono.",
    );
  });

  it("a TIMEOUT on the last target goes to the AI like no answer, and the apology is in the caller's language", () => {
    const s = drive(input({ language: "es" }), [{ type: "TIMEOUT" }, { type: "TIMEOUT" }]);
    expect(s.value).toEqual({ aiConversation: "listening" });
    expect(said(s).at(-1)).toBe("Lo sentimos, nadie pudo contestar. Nuestro asistente puede ayudarle.");
    expect(kinds(s).filter((k) => k === "no_answer")).toHaveLength(2);
  });

  it("hanging up while ringing is MISSED", () => {
    const s = drive(input(), [{ type: "HANGUP" }]);
    expect(s.output).toEqual({ outcome: "MISSED" });
    expect(s.context.ringing).toEqual([]);
  });

  it("connected, then hangup: HUMAN", () => {
    const s = drive(input(), [{ type: "RING_NO_ANSWER" }, { type: "RING_ANSWERED", target: BEN.phone }, { type: "HANGUP" }]);
    expect(s.output).toEqual({ outcome: "HUMAN" });
    expect(kinds(s)).toEqual(["route", "say", "ring", "no_answer", "ring", "answered", "hangup", "ended"]);
    expect(s.context.endedAt).toBe(at(3));
  });
});

describe("call machine: AI conversation", () => {
  it("speech goes to the agent, the reply is said, and the machine listens again", () => {
    let s = drive(input({ route: AI_FIRST }), [{ type: "CALLER_SAID", text: "How much is a wash?" }]);
    expect(s.value).toEqual({ aiConversation: "thinking" });
    expect(needsAgentTurn(s)).toBe(true);
    expect(awaitingOf(s)).toBeNull();
    expect(s.context.instructions.at(-1)).toEqual({ kind: "agent_turn", text: "How much is a wash?" });
    s = drive(input({ route: AI_FIRST }), [
      { type: "CALLER_SAID", text: "How much is a wash?" },
      { type: "AGENT_REPLIED", reply: "A wash is $40.", handoff: false },
    ]);
    expect(s.value).toEqual({ aiConversation: "listening" });
    expect(s.context.steps.at(-1)).toMatchObject({ kind: "agent", text: "A wash is $40.", voice: "polly.Joanna-Neural" });
    expect(s.context.transcript).toEqual([
      { role: "caller", text: "How much is a wash?" },
      { role: "agent", text: "A wash is $40." },
    ]);
  });

  it("the agent's handoff transfers to the team", () => {
    const s = drive(input({ route: AI_FIRST }), [
      { type: "CALLER_SAID", text: "Is my car insured with you?" },
      { type: "AGENT_REPLIED", reply: "Let me get someone.", handoff: true },
    ]);
    expect(s.value).toBe("ringing");
    expect(s.context.transferred).toBe(true);
    expect(said(s).slice(-2)).toEqual(["Let me get someone.", "Please hold while I connect you."]);
    expect(s.context.instructions.at(-1)).toEqual({ kind: "ring", targets: [ANA], seconds: 20 });
  });

  it.each([
    ["en", "Can I talk to an agent please", "Please hold while I connect you."],
    ["en", "OPERATOR!", "Please hold while I connect you."],
    ["es", "Quiero hablar con una persona", "Por favor espere mientras le comunico."],
    ["es", "operadora por favor", "Por favor espere mientras le comunico."],
  ] as const)("asking for a person (%s: %s) transfers without asking the agent", (language, text, hold) => {
    const s = drive(input({ route: AI_FIRST, language }), [{ type: "CALLER_SAID", text }]);
    expect(s.value).toBe("ringing");
    expect(s.context.instructions.some((i) => i.kind === "agent_turn")).toBe(false);
    expect(kinds(s).slice(-4)).toEqual(["heard", "transfer", "say", "ring"]);
    expect(said(s).at(-1)).toBe(hold);
  });

  it("pressing 0 transfers; other digits are refused", () => {
    const actor = createActor(callMachine, { input: input({ route: AI_FIRST }) }).start();
    expect(actor.getSnapshot().can({ type: "MENU_DIGIT", digit: "5" })).toBe(false);
    const s = drive(input({ route: AI_FIRST }), [{ type: "MENU_DIGIT", digit: "0" }]);
    expect(s.value).toBe("ringing");
    expect(kinds(s).slice(-4)).toEqual(["pressed", "transfer", "say", "ring"]);
  });

  it("after a transfer nobody answers: voicemail, not back to the AI", () => {
    const s = drive(input({ route: RING_THEN_AI, ringStrategy: "SIMULTANEOUS" }), [
      { type: "RING_NO_ANSWER" },
      { type: "CALLER_SAID", text: "agent" },
      { type: "RING_NO_ANSWER" },
    ]);
    expect(s.value).toBe("voicemail");
  });

  it("a transfer with nobody to ring goes to voicemail", () => {
    const s = drive(input({ route: AI_FIRST, ringTargets: [] }), [{ type: "CALLER_SAID", text: "operator" }]);
    expect(s.value).toBe("voicemail");
    expect(said(s).at(-1)).toMatch(/^Sorry, nobody is available right now\./);
  });

  it("hangup after an exchange is AI; hangup before any exchange is ABANDONED; AI seconds are counted", () => {
    const done = drive(input({ route: AI_FIRST }), [
      { type: "CALLER_SAID", text: "Hours?" },
      { type: "AGENT_REPLIED", reply: "9 to 5.", handoff: false },
      { type: "HANGUP" },
    ]);
    expect(done.output).toEqual({ outcome: "AI" });
    expect(done.context.aiSeconds).toBe(3);
    const early = drive(input({ route: AI_FIRST }), [{ type: "HANGUP" }]);
    expect(early.output).toEqual({ outcome: "ABANDONED" });
  });

  it("hangup while the agent is thinking ends the call", () => {
    const s = drive(input({ route: AI_FIRST }), [{ type: "CALLER_SAID", text: "Hi" }, { type: "HANGUP" }]);
    expect(s.status).toBe("done");
  });

  it("silence (TIMEOUT) says goodbye and hangs up (Spanish)", () => {
    const s = drive(input({ route: AI_FIRST, language: "es" }), [{ type: "TIMEOUT" }]);
    expect(s.output).toEqual({ outcome: "ABANDONED" });
    expect(said(s).at(-1)).toBe("No escuché nada. Gracias por llamar, hasta luego.");
    expect(s.context.instructions.at(-1)).toEqual({ kind: "hangup" });
  });

  it("time in the AI stops counting at the transfer", () => {
    const s = drive(input({ route: AI_FIRST }), [
      { type: "CALLER_SAID", text: "Hi" },
      { type: "AGENT_REPLIED", reply: "Hello!", handoff: false },
      { type: "MENU_DIGIT", digit: "0" },
      { type: "RING_ANSWERED", target: ANA.phone },
      { type: "HANGUP" },
    ]);
    expect(s.context.aiSeconds).toBe(3);
    expect(s.output).toEqual({ outcome: "HUMAN" });
  });
});

describe("call machine: voicemail", () => {
  it("recording done: thanks, hang up, VOICEMAIL with the recording kept", () => {
    const s = drive(input({ route: VM_FIRST }), [
      { type: "RECORDING_DONE", durationSeconds: 42, recordingUrl: "https://rec/1", spokenText: "Call me back" },
    ]);
    expect(s.output).toEqual({ outcome: "VOICEMAIL" });
    expect(s.context.voicemail).toEqual({ durationSeconds: 42, recordingUrl: "https://rec/1", spokenText: "Call me back" });
    expect(said(s).at(-1)).toBe("Thank you. We will call you back as soon as possible. Goodbye.");
    expect(s.context.instructions.at(-1)).toEqual({ kind: "hangup" });
    expect(kinds(s)).toEqual(["route", "say", "record", "voicemail", "say", "ended"]);
  });

  it("thanks in Spanish", () => {
    const s = drive(input({ route: VM_FIRST, language: "es" }), [
      { type: "RECORDING_DONE", durationSeconds: 5, recordingUrl: null, spokenText: null },
    ]);
    expect(said(s).at(-1)).toBe("Gracias. Le devolveremos la llamada lo antes posible. Hasta luego.");
  });

  it("hangup or timeout without a message is MISSED", () => {
    expect(drive(input({ route: VM_FIRST }), [{ type: "HANGUP" }]).output).toEqual({ outcome: "MISSED" });
    expect(drive(input({ route: VM_FIRST }), [{ type: "TIMEOUT" }]).output).toEqual({ outcome: "MISSED" });
  });

  it("an ended call accepts nothing", () => {
    const s = drive(input({ route: VM_FIRST }), [{ type: "HANGUP" }]);
    for (const e of [{ type: "HANGUP" }, { type: "TIMEOUT" }, { type: "CALLER_SAID", text: "x" }] as TEvent[]) expect(s.can(e)).toBe(false);
  });
});

describe("call machine: pronunciations and persistence", () => {
  it("applies the dictionary to every say (greeting, agent replies), but not to what the caller said", () => {
    const pronunciations = [
      { written: "Shine Co", spoken: "Shine Company" },
      { written: "Guadalupe St", spoken: "Guadalupe Street" },
    ];
    const s = drive(input({ route: AI_FIRST, pronunciations }), [
      { type: "CALLER_SAID", text: "Where is Shine Co?" },
      { type: "AGENT_REPLIED", reply: "We are on guadalupe st.", handoff: false },
    ]);
    expect(said(s)).toEqual(["Thanks for calling Shine Company! How can I help?", "We are on Guadalupe Street."]);
    expect(s.context.steps.find((x) => x.kind === "heard")?.text).toBe("Where is Shine Co?");
  });

  it("a persisted snapshot restores and continues on another actor (one request per step)", () => {
    const first = createActor(callMachine, { input: input({ bilingualMenu: true }) }).start();
    const persisted = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    const second = restoreCallActor(persisted);
    second.send({ type: "MENU_DIGIT", digit: "2", at: at(1) });
    expect(second.getSnapshot().value).toBe("ringing");
    expect(second.getSnapshot().context.language).toBe("es");
  });

  it("recognises requests for a person only as whole words", () => {
    expect(asksForHuman("I need an agent")).toBe(true);
    expect(asksForHuman("agents of change")).toBe(false);
    expect(asksForHuman("mesa para dos personas")).toBe(false);
    expect(asksForHuman("¿Puedo hablar con un humano?")).toBe(true);
  });
});

// Last in the file: the tests above run first, in order.
describe("call machine: coverage", () => {
  it("every transition of the machine was taken by the tests above", () => {
    const all = allTransitions(callMachine.root);
    expect(all.length).toBeGreaterThanOrEqual(28);
    expect(all.filter((k) => !taken.has(k))).toEqual([]);
  });
});
