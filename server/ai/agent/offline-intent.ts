import { foldText } from "../../integrations/ai/local";

/**
 * What a customer wants, by keywords in English and Spanish: the offline assistant's whole
 * understanding. Order matters: asking for a person wins, "my appointment" is not a new
 * booking, and a pack FAQ question is matched by shared words.
 */
export type TOfflineIntent =
  | { kind: "HUMAN" }
  | { kind: "MY_BOOKINGS" }
  | { kind: "LOYALTY" }
  | { kind: "HOURS" }
  | { kind: "PRICES" }
  | { kind: "BOOK" }
  | { kind: "FAQ"; index: number }
  | { kind: "UNKNOWN" };

const phrase = (words: readonly string[]) => new RegExp(`(^|[^a-z0-9])(${words.join("|")})($|[^a-z0-9])`);

const RULES: ReadonlyArray<[TOfflineIntent["kind"], RegExp]> = [
  [
    "HUMAN",
    phrase([
      "human",
      "person",
      "real person",
      "someone",
      "somebody",
      "representative",
      "talk to (a|the|an|someone|somebody|your)",
      "speak (to|with)",
      "owner",
      "manager",
      "operator",
      "persona",
      "humano",
      "alguien",
      "hablar con",
      "representante",
      "encargad[oa]",
      "duen[oa]",
      "gerente",
    ]),
  ],
  [
    "MY_BOOKINGS",
    phrase([
      "my (booking|bookings|appointment|appointments|reservation)",
      "when is my",
      "do i have an? (booking|appointment)",
      "mi cita",
      "mis citas",
      "mi reserva",
      "mis reservas",
      "cuando es mi",
      "tengo (una )?cita",
    ]),
  ],
  ["LOYALTY", phrase(["points?", "loyalty", "rewards?", "puntos?", "lealtad", "recompensas?"])],
  [
    "HOURS",
    phrase([
      "hours",
      "open",
      "opening",
      "close",
      "closing",
      "closed",
      "horario",
      "horarios",
      "horas",
      "abren",
      "abierto",
      "abiertos",
      "cierran",
      "cerrado",
    ]),
  ],
  [
    "PRICES",
    phrase([
      "price",
      "prices",
      "pricing",
      "cost",
      "costs",
      "how much",
      "services",
      "menu",
      "rates?",
      "quote",
      "precio",
      "precios",
      "cuanto",
      "cuesta",
      "cuestan",
      "costo",
      "servicios",
      "tarifas?",
    ]),
  ],
  [
    "BOOK",
    phrase([
      "book",
      "booking",
      "appointment",
      "schedule",
      "reserve",
      "reservation",
      "available",
      "availability",
      "slots?",
      "free",
      "openings?",
      "any time",
      "what times?",
      "cita",
      "reservar",
      "reserva",
      "agendar",
      "programar",
      "disponibles?",
      "disponibilidad",
      "libres?",
      "huecos?",
      "espacio",
      "lugar",
      "que horas?",
    ]),
  ],
];

const STOP_WORDS = new Set(
  "what when where which with your you have does this that from they them their there para como cual cuando donde tiene tienen usted ustedes esto esta este estos sobre desde hacer puedo puede".split(
    " ",
  ),
);

const significantWords = (text: string) =>
  new Set(
    foldText(text)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 4 && !STOP_WORDS.has(w)),
  );

/** The pack FAQ entry sharing the most significant words with the text (at least two), or null. */
export function matchFaq(text: string, questions: readonly string[]): number | null {
  const words = significantWords(text);
  let best: { index: number; score: number } | null = null;
  questions.forEach((q, index) => {
    let score = 0;
    for (const w of significantWords(q)) if (words.has(w)) score += 1;
    if (score >= 2 && (!best || score > best.score)) best = { index, score };
  });
  return (best as { index: number } | null)?.index ?? null;
}

export function detectOfflineIntent(text: string, faqQuestions: readonly string[] = []): TOfflineIntent {
  const folded = foldText(text);
  const faq = matchFaq(text, faqQuestions);
  for (const [kind, pattern] of RULES) {
    if (!pattern.test(folded)) continue;
    // A close FAQ match beats the broad hours/prices/booking words ("Do you come to me?" vs "book").
    if (faq !== null && kind !== "HUMAN" && kind !== "MY_BOOKINGS") return { kind: "FAQ", index: faq };
    return { kind } as TOfflineIntent;
  }
  return faq !== null ? { kind: "FAQ", index: faq } : { kind: "UNKNOWN" };
}

const WEEKDAYS: ReadonlyArray<readonly [number, RegExp]> = [
  [1, phrase(["monday", "lunes"])],
  [2, phrase(["tuesday", "martes"])],
  [3, phrase(["wednesday", "miercoles"])],
  [4, phrase(["thursday", "jueves"])],
  [5, phrase(["friday", "viernes"])],
  [6, phrase(["saturday", "sabado"])],
  [7, phrase(["sunday", "domingo"])],
];

/**
 * The day a customer asks about, as days from today (0 = today): "today"/"hoy",
 * "tomorrow"/"mañana", or a weekday name (the next one; today's name means today). Null
 * when no day is named. `todayIso` is today's ISO weekday (1 = Monday) in the business's zone.
 */
export function requestedDayOffset(text: string, todayIso: number): number | null {
  const folded = foldText(text);
  if (phrase(["today", "hoy"]).test(folded)) return 0;
  // "mañana" folds to "manana", which is also "morning" ("por la mañana"): only alone or as "pasado"-less tomorrow.
  if (phrase(["tomorrow"]).test(folded) || /(^|[^a-z])manana($|[^a-z])/.test(folded.replace(/(por|en|de) la manana/g, ""))) return 1;
  for (const [iso, pattern] of WEEKDAYS) if (pattern.test(folded)) return (iso - todayIso + 7) % 7;
  return null;
}
