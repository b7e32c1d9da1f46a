import { describe, expect, it } from "vitest";
import { classifyComplianceKeyword, normaliseForKeywords } from "../../../server/telephony/compliance/keywords";

type Row = [body: string, kind: "OPT_OUT" | "OPT_IN" | "HELP", locale: "en" | "es"];

const keywords: Row[] = [
  ["STOP", "OPT_OUT", "en"],
  ["stop", "OPT_OUT", "en"],
  ["  Stop.  ", "OPT_OUT", "en"],
  ["STOP!!!", "OPT_OUT", "en"],
  ["STOPALL", "OPT_OUT", "en"],
  ["Stop all", "OPT_OUT", "en"],
  ["UNSUBSCRIBE", "OPT_OUT", "en"],
  ["Cancel", "OPT_OUT", "en"],
  ["END", "OPT_OUT", "en"],
  ["quit", "OPT_OUT", "en"],
  ["Revoke", "OPT_OUT", "en"],
  ["OPTOUT", "OPT_OUT", "en"],
  ["opt-out", "OPT_OUT", "en"],
  ["Opt out", "OPT_OUT", "en"],
  ["Stop please", "OPT_OUT", "en"],
  ["ALTO", "OPT_OUT", "es"],
  ["Parar", "OPT_OUT", "es"],
  ["baja", "OPT_OUT", "es"],
  ["CANCELAR", "OPT_OUT", "es"],
  ["START", "OPT_IN", "en"],
  ["unstop", "OPT_IN", "en"],
  ["Start.", "OPT_IN", "en"],
  ["COMENZAR", "OPT_IN", "es"],
  ["HELP", "HELP", "en"],
  ["help?", "HELP", "en"],
  ["Info", "HELP", "en"],
  ["AYUDA", "HELP", "es"],
  ["¡Ayuda!", "HELP", "es"],
];

const plainOptOuts: Row[] = [
  ["stop texting me", "OPT_OUT", "en"],
  ["Please stop messaging me", "OPT_OUT", "en"],
  ["Please STOP texting me, I already found someone.", "OPT_OUT", "en"],
  ["don't text me anymore", "OPT_OUT", "en"],
  ["Don’t text me again", "OPT_OUT", "en"],
  ["do not contact me", "OPT_OUT", "en"],
  ["remove me from your list", "OPT_OUT", "en"],
  ["Please take my number off your texting list", "OPT_OUT", "en"],
  ["unsubscribe me", "OPT_OUT", "en"],
  ["I want to unsubscribe please", "OPT_OUT", "en"],
  ["opt me out", "OPT_OUT", "en"],
  ["stop sending me texts", "OPT_OUT", "en"],
  ["Stop sending these reminders", "OPT_OUT", "en"],
  ["no more texts please", "OPT_OUT", "en"],
  ["I don't want any more messages", "OPT_OUT", "en"],
  ["no me manden más mensajes", "OPT_OUT", "es"],
  ["no me manden mas mensajes", "OPT_OUT", "es"],
  ["No me escriban más", "OPT_OUT", "es"],
  ["ya no me envíen mensajes", "OPT_OUT", "es"],
  ["Ya no me envien mensajes por favor", "OPT_OUT", "es"],
  ["dejen de escribirme", "OPT_OUT", "es"],
  ["Deje de enviarme mensajes, gracias", "OPT_OUT", "es"],
  ["quiero darme de baja", "OPT_OUT", "es"],
  ["Quiero darme de baja de su lista", "OPT_OUT", "es"],
  ["no quiero recibir más mensajes", "OPT_OUT", "es"],
  ["ya no quiero mensajes", "OPT_OUT", "es"],
  ["bórrenme de su lista", "OPT_OUT", "es"],
  ["no me envíe ningún mensaje", "OPT_OUT", "es"],
  ["No me molesten", "OPT_OUT", "es"],
  ["no más mensajes", "OPT_OUT", "es"],
];

const ordinary: string[] = [
  "can I cancel my appointment?",
  "Cancel my booking for tomorrow",
  "I want to stop by at 3",
  "the end of the street",
  "It's at the end of the street",
  "We'll start at 9?",
  "start time?",
  "Can you help me with a quote?",
  "I need help",
  "more info please",
  "Yes",
  "sí",
  "ok thanks",
  "Don't text me the address, email it",
  "Please text me when you're on the way",
  "I'll stop texting you now, see you tomorrow",
  "quiero cancelar mi cita",
  "¿Puedo cancelar la cita de mañana?",
  "la casa está al final de la calle",
  "alto de la loma 23",
  "no me mande la factura todavía",
  "no me manden la factura más tarde",
  "¿A qué hora comienzan?",
  "necesito ayuda con mi carro",
  "stopped by earlier but nobody was there",
  "",
  "   ",
];

describe("classifyComplianceKeyword", () => {
  it.each(keywords)("keyword %j -> %s (%s)", (body, kind, locale) => {
    expect(classifyComplianceKeyword(body)).toEqual({ kind, locale, words: body.trim() });
  });

  it.each(plainOptOuts)("plain-language opt-out %j -> %s (%s)", (body, kind, locale) => {
    expect(classifyComplianceKeyword(body)).toEqual({ kind, locale, words: body.trim() });
  });

  it.each(ordinary.map((b) => [b]))("ordinary message %j is not a keyword", (body) => {
    expect(classifyComplianceKeyword(body)).toBeNull();
  });

  it("does not read YES as consent (a customer answers yes to ordinary questions)", () => {
    expect(classifyComplianceKeyword("YES")).toBeNull();
    expect(classifyComplianceKeyword("Si")).toBeNull();
  });

  it("ignores very long messages (not a keyword reply)", () => {
    expect(classifyComplianceKeyword(`stop texting me ${"x".repeat(600)}`)).toBeNull();
  });
});

describe("normaliseForKeywords", () => {
  it("drops accents, case and apostrophes; punctuation becomes a separator", () => {
    expect(normaliseForKeywords("  No me MANDEN más, ¡gracias!  ")).toBe("no me manden mas . gracias .");
    expect(normaliseForKeywords("Don’t")).toBe("dont");
  });
});
