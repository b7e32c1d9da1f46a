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

/** What phones and people add around a keyword: still that keyword (FCC: revocation "by any reasonable means"). */
const writtenAsAPersonWould: [body: string, kind: "OPT_OUT" | "OPT_IN" | "HELP", locale: "en" | "es", keyword: string][] = [
  ["ＳＴＯＰ", "OPT_OUT", "en", "stop"],
  ["𝐒𝐓𝐎𝐏", "OPT_OUT", "en", "stop"],
  ["Ⓢⓣⓞⓟ", "OPT_OUT", "en", "stop"],
  ["S\u200BTOP", "OPT_OUT", "en", "stop"],
  ["\u00A0stop\u00A0", "OPT_OUT", "en", "stop"],
  ["🇸🇹🇴🇵", "OPT_OUT", "en", "stop"],
  ["STOP 🛑", "OPT_OUT", "en", "stop"],
  ["🛑🛑 stop 🙏", "OPT_OUT", "en", "stop"],
  ["STOP!!! 😡", "OPT_OUT", "en", "stop"],
  ["Stop\n\nSent from my iPhone", "OPT_OUT", "en", "stop"],
  ["stop sent from my Galaxy", "OPT_OUT", "en", "stop"],
  ["STOP\r\nSent from my Verizon, Samsung Galaxy smartphone", "OPT_OUT", "en", "stop"],
  ["Unsubscribe\n--\nJohn Smith\nSmith Plumbing", "OPT_OUT", "en", "unsubscribe"],
  ["Stop\n— Ann", "OPT_OUT", "en", "stop"],
  ["cancel\n____\nGet Outlook for Android", "OPT_OUT", "en", "cancel"],
  ["S T O P", "OPT_OUT", "en", "stop"],
  ["s.t.o.p.", "OPT_OUT", "en", "stop"],
  ["S-T-O-P", "OPT_OUT", "en", "stop"],
  ["o p t o u t", "OPT_OUT", "en", "optout"],
  ["stop stop", "OPT_OUT", "en", "stop"],
  ["STOP STOP STOP", "OPT_OUT", "en", "stop"],
  ["Stop. Stop!", "OPT_OUT", "en", "stop"],
  ["opt out opt out", "OPT_OUT", "en", "opt out"],
  ["ALTO\nEnviado desde mi iPhone", "OPT_OUT", "es", "alto"],
  ["A L T O", "OPT_OUT", "es", "alto"],
  ["alto alto", "OPT_OUT", "es", "alto"],
  ["ＢＡＪＡ", "OPT_OUT", "es", "baja"],
  ["Cancelar 🙏", "OPT_OUT", "es", "cancelar"],
  ["CANCELAR\n-- \nMaría", "OPT_OUT", "es", "cancelar"],
  ["P A R A R", "OPT_OUT", "es", "parar"],
  ["START\nSent from my iPhone", "OPT_IN", "en", "start"],
  ["S T A R T", "OPT_IN", "en", "start"],
  ["unstop unstop", "OPT_IN", "en", "unstop"],
  ["Ｃｏｍｅｎｚａｒ", "OPT_IN", "es", "comenzar"],
  ["reanudar reanudar", "OPT_IN", "es", "reanudar"],
  ["H E L P", "HELP", "en", "help"],
  ["ayuda ayuda", "HELP", "es", "ayuda"],
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
  "can I stop by at 3?",
  "Can I stop by at 3?\nSent from my iPhone",
  "cancel my appointment?",
  "Cancel my appointment please\n--\nJohn",
  "stop by stop by",
  "S T O P by at 3",
  "Can we start at 9? Sent from my iPhone",
  "I need to cancel and rebook",
  "¿puedo cancelar mi cita?",
  "alto de la loma\nEnviado desde mi iPhone",
  "a b c",
  "",
  "   ",
];

describe("classifyComplianceKeyword", () => {
  it.each(keywords)("keyword %j -> %s (%s)", (body, kind, locale) => {
    expect(classifyComplianceKeyword(body)).toEqual({ kind, locale, words: body.trim(), keyword: expect.any(String) });
  });

  it.each(writtenAsAPersonWould)("%j is read as the keyword -> %s (%s) %j", (body, kind, locale, keyword) => {
    expect(classifyComplianceKeyword(body)).toEqual({ kind, locale, words: body.trim(), keyword });
  });

  it.each(plainOptOuts)("plain-language opt-out %j -> %s (%s)", (body, kind, locale) => {
    expect(classifyComplianceKeyword(body)).toEqual({ kind, locale, words: body.trim(), keyword: null });
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

  it("folds compatibility forms, invisible characters and emoji to plain letters", () => {
    expect(normaliseForKeywords("ＳＴＯＰ")).toBe("stop");
    expect(normaliseForKeywords("𝐒𝐓𝐎𝐏")).toBe("stop");
    expect(normaliseForKeywords("S\u200BT\u2060OP")).toBe("stop");
    expect(normaliseForKeywords("🇸🇹🇴🇵")).toBe("stop");
    expect(normaliseForKeywords("stop 🛑")).toBe("stop .");
  });
});
