import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../server/ai/agent/language";
import { requestedDayOffset, detectOfflineIntent, matchFaq } from "../../../server/ai/agent/offline-intent";
import { getPack } from "../../../server/packs";

const faq = getPack("auto-detailing").faq;
const questions = (locale: "en" | "es") => faq.map((f) => f.question[locale]);

describe("offline intent (en/es keywords)", () => {
  it.each([
    ["what are your hours", "HOURS"],
    ["Are you open on Saturday?", "HOURS"],
    ["¿Cuál es su horario?", "HOURS"],
    ["¿A qué hora abren?", "HOURS"],
    ["How much is a full detail?", "PRICES"],
    ["¿Cuánto cuesta el lavado?", "PRICES"],
    ["I want to book a wash tomorrow", "BOOK"],
    ["quiero reservar un lavado mañana", "BOOK"],
    ["Necesito una cita", "BOOK"],
    ["When is my appointment?", "MY_BOOKINGS"],
    ["¿Cuándo es mi cita?", "MY_BOOKINGS"],
    ["I want to talk to a person", "HUMAN"],
    ["Quiero hablar con una persona", "HUMAN"],
    ["Can a human call me about my appointment?", "HUMAN"],
    ["How many points do I have?", "LOYALTY"],
    ["¿Cuántos puntos tengo?", "LOYALTY"],
    ["blue", "UNKNOWN"],
  ])("%s -> %s", (text, kind) => {
    expect(detectOfflineIntent(text, questions("en")).kind).toBe(kind);
  });

  it("a pack FAQ question is matched by shared words, in either language", () => {
    const water = faq.findIndex((f) => /water/i.test(f.question.en));
    expect(water).toBeGreaterThanOrEqual(0);
    expect(detectOfflineIntent("Do I have to provide water or electricity for you?", questions("en"))).toEqual({
      kind: "FAQ",
      index: water,
    });
    expect(matchFaq("¿Necesito darles agua o electricidad?", questions("es"))).toBe(water);
    expect(matchFaq("hello there", questions("en"))).toBeNull();
  });
});

describe("language of a message", () => {
  it.each([
    ["quiero reservar un lavado mañana", "en", "es"],
    ["¿Cuánto cuesta?", "en", "es"],
    ["what are your hours", "es", "en"],
    ["I want to talk to a person", "es", "en"],
    ["ok", "es", "es"],
    ["42", "en", "en"],
  ] as const)("%s (stored %s) -> %s", (text, fallback, expected) => {
    expect(detectLanguage(text, fallback)).toBe(expected);
  });
});

describe("the day a customer asks about", () => {
  // Thursday (ISO 4).
  it.each([
    ["Do you have anything free Saturday?", 2],
    ["¿Tienen algo libre el sábado?", 2],
    ["anything on thursday", 0],
    ["y el jueves?", 0],
    ["what about Wednesday", 6],
    ["can you come tomorrow", 1],
    ["¿pueden mañana?", 1],
    ["hoy por la tarde?", 0],
    ["what times do you have", null],
    ["¿tienen algo por la mañana?", null],
  ])("%s -> %s", (text, offset) => {
    expect(requestedDayOffset(text, 4)).toBe(offset);
  });
});
