/**
 * SMS compliance keywords (CTIA Messaging Principles, TCPA "reasonable means" of revoking
 * consent, FCC 24-24 of 2024). Pure: no clock, no database.
 *
 * Two kinds of match:
 *  - a KEYWORD is the whole message (case, spaces, accents and punctuation ignored):
 *      OPT_OUT  STOP, STOPALL, STOP ALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT, OPT OUT
 *               Spanish ALTO, PARAR, BAJA, CANCELAR
 *      OPT_IN   START, UNSTOP; Spanish COMENZAR, INICIAR, REANUDAR
 *      HELP     HELP, INFO; Spanish AYUDA
 *    "YES"/"SÍ" is deliberately NOT an opt-in keyword: customers answer "yes" to ordinary
 *    questions ("can you do 3pm?"), and reading that as consent would record consent the
 *    customer never meant to give. UNSTOP and START are the carrier-standard re-opt-in words.
 *  - a PLAIN-LANGUAGE opt-out is a phrase anywhere in the message that can only mean "stop
 *    texting me" ("please stop texting me", "no me manden más mensajes"). Single words that
 *    are also ordinary verbs (cancel, stop, end) count only as the whole message, so "can I
 *    cancel my appointment?" or "I want to stop by at 3" never opt anyone out.
 */
export type TComplianceKind = "OPT_OUT" | "OPT_IN" | "HELP";
export interface TComplianceMatch {
  kind: TComplianceKind;
  /** The customer's own words (trimmed), kept in the consent ledger. */
  words: string;
  /** The language the customer used ("en" when the keyword is not Spanish). */
  locale: "en" | "es";
  /** The keyword it was read as ("stop", "cancelar"); null for a plain-language opt-out. */
  keyword: string | null;
}

const EXACT: Record<string, { kind: TComplianceKind; locale: "en" | "es" }> = {};
const add = (kind: TComplianceKind, locale: "en" | "es", words: string[]) => words.forEach((w) => (EXACT[w] = { kind, locale }));
add("OPT_OUT", "en", [
  "stop",
  "stopall",
  "stop all",
  "unsubscribe",
  "cancel",
  "end",
  "quit",
  "revoke",
  "optout",
  "opt out",
  "stop please",
  "please stop",
  "stop it",
  "stop now",
  "stop texting",
  "stop messaging",
  "stop texts",
  "unsub",
]);
add("OPT_OUT", "es", ["alto", "parar", "baja", "cancelar", "darme de baja", "de baja", "alto por favor", "por favor alto"]);
add("OPT_IN", "en", ["start", "unstop"]);
add("OPT_IN", "es", ["comenzar", "iniciar", "reanudar"]);
add("HELP", "en", ["help", "info"]);
add("HELP", "es", ["ayuda"]);

// Phrases on the normalised text (lower case, no accents, no apostrophes, punctuation as " . ").
const OBJ_EN = "(?:texts?|text messages?|messages?|msgs?|sms|these|reminders?|notifications?|alerts?|them)";
const VERB_EN = "(?:text(?:ing)?|txt(?:ing)?|messag(?:e|ing)|msg(?:ing)?|contact(?:ing)?|spam(?:ming)?|sms(?:ing)?)";
const PLAIN_EN: RegExp[] = [
  new RegExp(`\\b(?:stop|quit|cease|no more) ${VERB_EN} (?:me|us|this number|my (?:phone|number))\\b`),
  new RegExp(`\\b(?:stop|quit|cease) sending (?:me |us )?(?:any )?(?:more )?${OBJ_EN}\\b`),
  new RegExp(`\\b(?:stop|no more|enough) (?:with )?(?:the |these |your )?(?:texts|text messages|messages|msgs|reminders|notifications)\\b`),
  // "don't text me" only when it ends the thought ("don't text me the address" is a request, not an opt-out).
  new RegExp(
    `\\b(?:dont|do not|never|please dont|please do not) ${VERB_EN} (?:me|us|this number)(?= *(?:$|\\.|anymore|any more|again|ever|at all|please|thanks|thank you|no more))`,
  ),
  new RegExp(
    `\\b(?:dont|do not) (?:send|want) (?:me )?(?:any )?(?:more )?${OBJ_EN}(?= *(?:$|\\.|anymore|any more|again|ever|at all|please|thanks|thank you|from you))`,
  ),
  /\b(?:remove|take|delete|drop) (?:me|my number|this number) (?:off|from|out of) (?:your|the|this|ur) (?:\w+ )?(?:list|contacts|database|system)\b/,
  /\bunsubscribe\b/,
  /\bopt (?:me )?out\b/,
  /\boptout\b/,
  /\bi (?:want|would like|d like|wish) to (?:stop|quit) (?:getting|receiving) (?:these |your |any )?(?:texts|text messages|messages|reminders)\b/,
];
const VERB_ES = "(?:manden|mande|envien|envie|escriban|escriba|contacten|contacte|texteen|textee|mensajeen|molesten|moleste)";
const PLAIN_ES: RegExp[] = [
  // "no me manden más mensajes", "no me escriban más", "ya no me envíen mensajes", "no me envíe ningún mensaje"
  new RegExp(`\\bno me ${VERB_ES}(?: \\w+)? (?:mas|mensajes?|textos?|sms|nunca)\\b`),
  new RegExp(`\\bno me ${VERB_ES}(?= *(?:$|\\.|por favor|gracias))`),
  // "dejen de escribirme", "deje de enviarme mensajes"
  /\bdej(?:en|e|a|ar) de (?:escribirme|enviarme|mandarme|textearme|contactarme|molestarme|mensajearme|escribir(?:nos)?|enviar (?:me )?mensajes|mandar (?:me )?mensajes)\b/,
  // "quiero darme de baja", "denme de baja", "me doy de baja"
  /\b(?:darme|denme|deme|me doy|me dan|me den|dar) de baja\b/,
  /\b(?:no|ya no) (?:quiero|deseo|quisiera) (?:recibir |que me (?:manden|envien|escriban) )?(?:mas |sus |estos |ningun )?(?:mensajes|textos|sms|recordatorios|notificaciones)\b/,
  /\b(?:no|ya no) (?:quiero|deseo) (?:recibir )?mas\b(?= *(?:$|\.|mensajes|textos|por favor|gracias))/,
  /\b(?:borrenme|quitenme|eliminenme|saquenme|borreme|quiteme|elimineme|saqueme) de (?:su|la|esta|sus) (?:\w+ )?(?:lista|contactos|base de datos)\b/,
  /\b(?:no mas|basta de|suficiente de) (?:mensajes|textos|sms|recordatorios)\b/,
];

/**
 * Folds what a phone or a person adds to the same letters: compatibility forms (NFKC: full-width
 * "ＳＴＯＰ", mathematical "𝐒𝐓𝐎𝐏", circled letters), invisible format characters (zero-width
 * spaces and joiners), regional-indicator letters ("🇸🇹🇴🇵"), case and accents. Then lower
 * case, apostrophes dropped, other punctuation and emoji as a " . " separator, spaces collapsed.
 */
export function normaliseForKeywords(body: string): string {
  return body
    .normalize("NFKC")
    .replace(/[\u{1F1E6}-\u{1F1FF}]/gu, (c) => String.fromCharCode(0x61 + (c.codePointAt(0)! - 0x1f1e6)))
    .replace(/\p{Cf}/gu, "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/['’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}\s]+/gu, " . ")
    .replace(/(?:\s*\.\s*)+/g, " . ")
    .replace(/\s+/g, " ")
    .trim();
}

// A signature a phone or mail app adds below the words: a dash line ("--", "—", "__") or a
// "Sent from my iPhone" line, and everything after it.
const SIGNATURE_LINE =
  /^\s*(?:[-–—_=]{2,}|[-–—]\s*\S|sent (?:from|with|via) |get outlook for |enviado (?:desde|de) (?:mi )?|obtener outlook )/iu;
const SIGNATURE_TAIL = / (?:\. )?(?:sent (?:from|with|via) (?:my )?|get outlook for |enviado (?:desde|de) (?:mi )?)\S.*$/u;

/** The message without a phone or mail signature (the first line is always kept). */
function withoutSignature(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const cut = lines.findIndex((line, i) => i > 0 && SIGNATURE_LINE.test(line));
  return (cut > 0 ? lines.slice(0, cut) : lines).join("\n");
}

/**
 * The bare words a keyword is looked up by, in the ways a person writes one: as is, letters
 * spaced out ("s t o p", "S.T.O.P"), or said again ("stop stop", "STOP! STOP!").
 */
function keywordCandidates(bare: string): string[] {
  const out = [bare];
  const tokens = bare.split(" ").filter(Boolean);
  if (tokens.length >= 2 && tokens.every((t) => [...t].length === 1)) out.push(tokens.join(""));
  for (let period = 1; period <= tokens.length / 2; period++) {
    if (tokens.length % period) continue;
    if (tokens.every((t, i) => t === tokens[i % period])) {
      out.push(tokens.slice(0, period).join(" "));
      break;
    }
  }
  return out;
}

/** Whether a customer's text is STOP/START/HELP (or a plain-language opt-out); null for an ordinary message. */
export function classifyComplianceKeyword(body: string): TComplianceMatch | null {
  const words = body.trim();
  if (!words || words.length > 500) return null;
  const text = normaliseForKeywords(withoutSignature(words)).replace(SIGNATURE_TAIL, "").trim();
  const bare = text
    .replace(/ ?\. ?/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const candidate of keywordCandidates(bare)) {
    const exact = EXACT[candidate];
    if (exact) return { ...exact, words, keyword: candidate };
  }
  if (PLAIN_ES.some((re) => re.test(text))) return { kind: "OPT_OUT", words, locale: "es", keyword: null };
  if (PLAIN_EN.some((re) => re.test(text))) return { kind: "OPT_OUT", words, locale: "en", keyword: null };
  return null;
}
