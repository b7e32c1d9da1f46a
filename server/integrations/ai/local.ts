import { translateNow } from "../../i18n/translate.server";
import type { AiPort, TAiLocale, TAiSummary } from "./port";

/**
 * The offline adapter (no OPENAI_API_KEY): deterministic, no network. The agent answers
 * from templates over the business's data when it sees `provider === "local"`
 * (server/ai/agent/offline-reply.server.ts); here transcription returns the typed words and summaries
 * are keyword heuristics in English and Spanish.
 */
export function createLocalAi(): AiPort {
  return {
    provider: "local",
    async chat() {
      // The agent never asks the local adapter to chat; answer honestly if someone does.
      return { content: translateNow("en", "agent:offline.note"), toolCalls: [] };
    },
    async transcribe(input) {
      const text = input.spokenText?.trim();
      return { text: text || translateNow(input.language, "agent:offline.transcriptionUnavailable"), language: input.language };
    },
    async summarize(input) {
      return heuristicSummary(input.transcript, input.locale);
    },
  };
}

/** Lower case without accents, so "mañana"/"manana" and "Urgente"/"urgente" match alike. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

const has = (folded: string, words: readonly string[]) => words.some((w) => new RegExp(`(^|[^a-z0-9])${w}($|[^a-z0-9])`).test(folded));

const INTENT_WORDS: ReadonlyArray<[TAiSummary["intent"], readonly string[]]> = [
  ["CANCEL", ["cancel", "cancell?ing", "cancell?ation", "cancelar", "cancelo", "cancele", "anular"]],
  [
    "RESCHEDULE",
    [
      "reschedule",
      "rescheduling",
      "move my",
      "change my (appointment|booking)",
      "different (time|day)",
      "reprogramar",
      "cambiar (mi|la) cita",
      "mover (mi|la) cita",
      "otro dia",
      "otra hora",
    ],
  ],
  [
    "COMPLAINT",
    [
      "complain",
      "complaint",
      "unhappy",
      "not happy",
      "disappointed",
      "terrible",
      "bad service",
      "damaged?",
      "scratch(ed)?",
      "queja",
      "quejarme",
      "molest[oa]",
      "mal servicio",
      "insatisfech[oa]",
      "danad[oa]",
      "rayad[oa]",
    ],
  ],
  ["BOOK", ["book", "booking", "appointment", "schedule", "reserve", "reservation", "reservar", "reserva", "cita", "agendar", "programar"]],
  [
    "QUESTION",
    [
      "how much",
      "price",
      "prices",
      "cost",
      "hours",
      "open",
      "do you",
      "can you",
      "cuanto",
      "precio",
      "precios",
      "horario",
      "abren",
      "pregunta",
    ],
  ],
];
const HIGH_URGENCY = [
  "urgent",
  "urgently",
  "emergency",
  "asap",
  "right away",
  "immediately",
  "today",
  "urgente",
  "emergencia",
  "hoy",
  "inmediato",
  "lo antes posible",
  "ahora mismo",
];
const LOW_URGENCY = ["no rush", "whenever", "no hurry", "sin prisa", "cuando pueda", "no hay prisa"];
const CALLBACK = [
  "call me back",
  "call back",
  "callback",
  "give me a call",
  "call me",
  "llameme",
  "llamarme",
  "me llame",
  "devolver la llamada",
  "devuelva la llamada",
  "regresar la llamada",
  "regrese la llamada",
];

/** A deterministic summary: the first sentences, intent and urgency by keywords (en/es). */
export function heuristicSummary(transcript: string, locale: TAiLocale): TAiSummary {
  const text = transcript.replace(/\s+/g, " ").trim();
  const folded = foldText(text);
  const intent = INTENT_WORDS.find(([, words]) => has(folded, words))?.[0] ?? (text.includes("?") ? "QUESTION" : "OTHER");
  const urgency = has(folded, HIGH_URGENCY) ? "HIGH" : has(folded, LOW_URGENCY) ? "LOW" : "NORMAL";
  const sentences = text.match(/[^.!?]+[.!?]*/g) ?? [];
  let summary = sentences
    .slice(0, 2)
    .map((s) => s.trim())
    .join(" ");
  if (summary.length > 300) summary = `${summary.slice(0, 297).trimEnd()}…`;
  if (!summary) summary = translateNow(locale, "agent:summary.empty");
  return { summary, intent, urgency, callbackRequested: has(folded, CALLBACK) };
}
