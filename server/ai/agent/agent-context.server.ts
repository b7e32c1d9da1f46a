import { formatCents } from "../../money/money";
import { readConfig } from "../../config/config-service.server";
import type { TConfigNode } from "../../config/schemas";
import type { TenantDb } from "../../db/db.server";
import { env } from "../../env.server";
import { pickLocale } from "../../i18n/localized-text";
import { appBaseUrl } from "../../notifications/format";
import { findPack } from "../../packs";

/**
 * What the agent knows about the business and the customer before it says anything, read in
 * one unit of work: name, link, time zone, currency, the AI node, the pack FAQ.
 */
export type TAgentLocale = "en" | "es";

export interface AgentContext {
  tenantId: string;
  businessName: string;
  /** The business's own language: notes for the owner are written in it. */
  ownerLocale: TAgentLocale;
  slug: string;
  timeZone: string;
  currency: string;
  /** The public booking page (absolute). */
  bookingUrl: string;
  ai: TConfigNode<"AI">;
  faq: Array<{ question: { en: string; es: string }; answer: { en: string; es: string } }>;
  customer: { id: string; name: string; phone: string | null } | null;
}

export async function loadAgentContext(db: TenantDb, customerId: string | null): Promise<AgentContext> {
  // One query at a time: a transaction client runs them in sequence anyway.
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: db.tenantId },
    select: { name: true, slug: true, timeZone: true, industryPackKey: true, defaultLocale: true },
  });
  const ai = await readConfig(db, "AI");
  const billing = await readConfig(db, "BILLING");
  const customer = customerId
    ? await db.customer.findUnique({ where: { id: customerId }, select: { id: true, name: true, phone: true } })
    : null;
  return {
    tenantId: db.tenantId,
    businessName: tenant.name,
    ownerLocale: tenant.defaultLocale === "es" ? "es" : "en",
    slug: tenant.slug,
    timeZone: tenant.timeZone,
    currency: billing.currency.toUpperCase(),
    bookingUrl: `${appBaseUrl(env().APP_URL, env().PORT)}/s/${encodeURIComponent(tenant.slug)}/book`,
    ai,
    faq: findPack(tenant.industryPackKey)?.faq ?? [],
    customer,
  };
}

const intlLocale = (locale: TAgentLocale) => (locale === "es" ? "es-US" : "en-US");
/** Intl puts narrow no-break spaces before AM/PM; texts keep plain spaces (GSM-7, one segment). */
const plainSpaces = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

export function money(cents: number, locale: TAgentLocale, currency: string): string {
  return plainSpaces(formatCents(cents, locale, currency));
}

/** "Saturday, November 28, 9:00 AM" in the business's zone. */
export function slotLabel(at: Date | string, locale: TAgentLocale, timeZone: string): string {
  return plainSpaces(
    new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone,
      weekday: "long",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
    }).format(new Date(at)),
  );
}

/** A wall clock "HH:MM" as people read it ("8:00 AM", "8:00 a.m."). */
export function clockLabel(hhmm: string, locale: TAgentLocale): string {
  const [h, m] = hhmm.split(":").map(Number);
  return plainSpaces(
    new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", hour: "numeric", minute: "2-digit" }).format(
      new Date(Date.UTC(1970, 0, 1, h, m)),
    ),
  );
}

const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Weekday names in the locale, Monday first (1970-01-05 was a Monday). */
export function weekdayName(day: (typeof WEEK)[number], locale: TAgentLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", weekday: "long" }).format(
    new Date(Date.UTC(1970, 0, 5 + WEEK.indexOf(day))),
  );
}

export interface HoursDay {
  day: string;
  closed: boolean;
  ranges: Array<{ open: string; close: string }>;
}

/** The weekly hours, one entry per day with localized names and clock labels. */
export function describeHours(weekly: TConfigNode<"HOURS">["weekly"], locale: TAgentLocale): HoursDay[] {
  return WEEK.map((d) => ({
    day: weekdayName(d, locale),
    closed: weekly[d].length === 0,
    ranges: weekly[d].map((r) => ({ open: clockLabel(r.open, locale), close: clockLabel(r.close, locale) })),
  }));
}

/** "Monday: 8:00 AM–6:00 PM; …; Sunday: closed" (closedWord localized by the caller). */
export function hoursText(days: HoursDay[], closedWord: string): string {
  return days.map((d) => `${d.day}: ${d.closed ? closedWord : d.ranges.map((r) => `${r.open}–${r.close}`).join(", ")}`).join("; ");
}

/** The persona and greeting of the AI node in the locale, with the business name filled in. */
export function personaOf(ctx: AgentContext, locale: TAgentLocale): { persona: string; greeting: string } {
  const fill = (s: string) => s.replace(/\{\{\s*businessName\s*\}\}/g, ctx.businessName);
  return { persona: fill(pickLocale(ctx.ai.persona, locale)), greeting: fill(pickLocale(ctx.ai.greeting, locale)) };
}
