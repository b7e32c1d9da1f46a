import { foldText } from "../../integrations/ai/local";

/**
 * Which of our two languages a customer wrote in: marker words counted on the folded text
 * (no accents), Spanish punctuation and ñ count double. A tie keeps the fallback (the
 * customer's stored language), so "ok" or "42" never flips it.
 */
const SPANISH = new Set(
  "hola quiero quisiera necesito reservar reserva cita citas cuanto cuesta cuestan precio precios horario horarios gracias manana hoy favor buenos buenas dias tardes noches puede pueden tienen usted ustedes lavado cuando donde que el los las una mi mis con para persona hablar esta estan hay tengo como por si abren cierran semana proxima sabado domingo lunes martes miercoles jueves viernes carro coche limpieza".split(
    " ",
  ),
);
const ENGLISH = new Set(
  "hi hello hey want would like need book booking price prices cost hours what the your you my is are to please thanks thank can how much when where appointment talk person do have tomorrow today open next week car wash cleaning saturday sunday monday tuesday wednesday thursday friday and of for with".split(
    " ",
  ),
);

export function detectLanguage(text: string, fallback: "en" | "es"): "en" | "es" {
  let es = /[¿¡ñ]/i.test(text) ? 2 : 0;
  let en = 0;
  for (const word of foldText(text).split(/[^a-z]+/)) {
    if (!word) continue;
    if (SPANISH.has(word)) es += 1;
    if (ENGLISH.has(word)) en += 1;
  }
  if (es > en) return "es";
  if (en > es) return "en";
  return fallback;
}
