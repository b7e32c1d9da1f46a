import type { TOptionSelection } from "#server/catalog/options";
import type { TLocale } from "#server/i18n/localized-text";
import type { BookableService } from "./booking-types";

/** A slot held for the customer while they type their details. */
export interface Hold {
  holdId: string;
  startsAt: string;
  endsAt: string;
  priceCents: number;
  depositCents: number;
  durationMinutes: number;
  /** Client clock: when the hold runs out (server length, so clock skew does not matter). */
  expiresAtMs: number;
}

/** What the server confirmed, as the done step shows it. */
export interface Confirmed {
  status: "REQUESTED" | "CONFIRMED";
  startsAt: string;
  priceCents: number;
  depositCents: number;
  managePath: string;
  phone: string;
  email: string | null;
  smsConsent: boolean;
}

export function langOf(language: string | undefined): TLocale {
  return language?.startsWith("es") ? "es" : "en";
}

/** The default selection of a service: each SINGLE group's default choice. */
export function defaultSelection(service: BookableService): TOptionSelection {
  const sel: TOptionSelection = {};
  for (const g of service.optionGroups) if (g.kind === "SINGLE" && g.defaultChoiceKey) sel[g.key] = [g.defaultChoiceKey];
  return sel;
}
