import { z } from "zod";
import { quote, ZOptionSelectionSchema } from "../../catalog/options";
import { listServices } from "../../catalog/services.server";
import { readConfig } from "../../config/config-service.server";
import { withTenant } from "../../db/db.server";
import { isDomainError } from "../../errors/domain-errors";
import { translateNow } from "../../i18n/translate.server";
import { createBooking } from "../../booking/create-booking.server";
import { getBooking } from "../../booking/get-booking.server";
import { getSlotCalendar } from "../../scheduling/availability.server";
import { logger } from "../../observability/logger.server";
import type { TAiTool } from "../../integrations/ai/port";
import { describeHours, hoursText, money, slotLabel, type AgentContext, type TAgentLocale } from "./agent-context.server";

/**
 * The agent's tools: each validates the model's arguments with zod and answers from the
 * business's real data, in its own unit of work (no network inside). Failures come back
 * as `{ ok: false, error }` in the customer's language so the model can say what happened.
 */
export interface AgentToolScope {
  ctx: AgentContext;
  locale: TAgentLocale;
  channel: "SMS" | "VOICE";
  customerId: string | null;
  callerPhone: string | null;
  now: Date;
}

export interface AgentToolOutcome {
  result: Record<string, unknown>;
  bookingId?: string;
  handoffReason?: string;
}

const LOCAL_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
/** The most days one find_open_slots call looks at, and the slots it returns. */
const MAX_SLOT_DAYS = 14;
const MAX_SLOTS = 12;
const MAX_SLOTS_PER_DAY = 4;

export const AGENT_TOOL_SCHEMAS = {
  list_services: z.object({}).strict(),
  business_hours: z.object({}).strict(),
  find_open_slots: z
    .object({
      serviceId: z.string().min(1).max(64).describe("id from list_services"),
      fromDate: LOCAL_DATE.describe("first local date to look at, YYYY-MM-DD in the business's time zone"),
      toDate: LOCAL_DATE.optional().describe("last local date (inclusive); default fromDate + 6 days"),
      options: ZOptionSelectionSchema.optional().describe("chosen options: group key -> choice keys"),
    })
    .strict(),
  book_slot: z
    .object({
      serviceId: z.string().min(1).max(64),
      startsAt: z.iso.datetime({ offset: true }).describe("a startsAt returned by find_open_slots"),
      name: z.string().trim().min(1).max(120).optional().describe("the customer's name (needed when the customer is new)"),
      options: ZOptionSelectionSchema.optional(),
      notes: z.string().trim().max(500).optional(),
    })
    .strict(),
  my_bookings: z.object({}).strict(),
  loyalty_balance: z.object({}).strict(),
  faq: z.object({}).strict(),
  handoff_to_human: z.object({ reason: z.string().trim().min(1).max(300) }).strict(),
} as const;

export type TAgentToolName = keyof typeof AGENT_TOOL_SCHEMAS;

const DESCRIPTIONS: Record<TAgentToolName, string> = {
  list_services: "The business's services with ids, prices, durations and options. The only source of prices.",
  business_hours: "Opening hours per weekday in the business's time zone.",
  find_open_slots: "Open start times for a service between two local dates. The only source of bookable times.",
  book_slot:
    "Books a time returned by find_open_slots for the customer, after they agreed to the service and time. A confirmation text follows automatically.",
  my_bookings: "The customer's upcoming bookings.",
  loyalty_balance: "The customer's loyalty points, if the business has a loyalty programme.",
  faq: "Frequently asked questions and their answers.",
  handoff_to_human: "Hands the conversation to a person from the team (the customer asked, or you are unsure).",
};

/** The tools as the model sees them (JSON Schema parameters from the zod schemas). */
export function agentTools(): TAiTool[] {
  return (Object.keys(AGENT_TOOL_SCHEMAS) as TAgentToolName[]).map((name) => {
    const { $schema: _ignored, ...parameters } = z.toJSONSchema(AGENT_TOOL_SCHEMAS[name]) as Record<string, unknown>;
    return { name, description: DESCRIPTIONS[name], parameters };
  });
}

const failure = (scope: AgentToolScope, key: string): AgentToolOutcome => ({
  result: { ok: false, error: translateNow(scope.locale, key) },
});

/** Runs one tool call. Unknown tools and invalid arguments are answered, not thrown. */
export async function runAgentTool(scope: AgentToolScope, name: string, rawArguments: string): Promise<AgentToolOutcome> {
  if (!(name in AGENT_TOOL_SCHEMAS)) return { result: { ok: false, error: `unknown tool ${name}` } };
  let json: unknown;
  try {
    json = rawArguments.trim() ? JSON.parse(rawArguments) : {};
  } catch {
    return { result: { ok: false, error: "arguments are not valid JSON" } };
  }
  const tool = name as TAgentToolName;
  const parsed = AGENT_TOOL_SCHEMAS[tool].safeParse(json);
  if (!parsed.success)
    return {
      result: { ok: false, error: "invalid arguments", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
    };
  try {
    return await TOOLS[tool](scope, parsed.data as never);
  } catch (error) {
    if (isDomainError(error)) return failure(scope, error.key);
    logger.warn({ tool, err: (error as Error).message }, "agent tool failed");
    return failure(scope, "agent:tools.failed");
  }
}

type Args<N extends TAgentToolName> = z.infer<(typeof AGENT_TOOL_SCHEMAS)[N]>;
type ToolFn<N extends TAgentToolName> = (scope: AgentToolScope, args: Args<N>) => Promise<AgentToolOutcome>;

const TOOLS: { [N in TAgentToolName]: ToolFn<N> } = {
  list_services: async (scope) => ({ result: await listServicesForAgent(scope) }),
  business_hours: async (scope) => ({ result: await businessHours(scope) }),
  find_open_slots: async (scope, args) => ({ result: await findOpenSlots(scope, args) }),
  book_slot: bookSlot,
  my_bookings: async (scope) => ({ result: await myBookings(scope) }),
  loyalty_balance: async () => ({ result: { available: false, note: "This business has no loyalty balance to look up yet." } }),
  faq: async (scope) => ({
    result: { faq: scope.ctx.faq.map((f) => ({ question: f.question[scope.locale], answer: f.answer[scope.locale] })) },
  }),
  handoff_to_human: async (_scope, args) => ({ result: { ok: true }, handoffReason: args.reason }),
};

export async function listServicesForAgent(scope: AgentToolScope) {
  const { locale, ctx } = scope;
  const services = await withTenant(ctx.tenantId, (db) => listServices(db));
  return {
    currency: ctx.currency,
    services: services.map((s) => ({
      id: s.id,
      name: s.name[locale],
      price: money(s.priceCents, locale, ctx.currency),
      priceCents: s.priceCents,
      durationMinutes: s.durationMinutes,
      options: s.optionGroups.map((g) => ({
        key: g.key,
        name: g.name[locale],
        kind: g.kind,
        choices: g.choices.map((c) => ({
          key: c.key,
          name: c.name[locale],
          priceChange: `${c.priceDeltaCents < 0 ? "-" : "+"}${money(Math.abs(c.priceDeltaCents), locale, ctx.currency)}`,
          priceDeltaCents: c.priceDeltaCents,
          extraMinutes: c.durationDeltaMinutes,
        })),
      })),
    })),
  };
}

export async function businessHours(scope: AgentToolScope) {
  const hours = await withTenant(scope.ctx.tenantId, (db) => readConfig(db, "HOURS"));
  const days = describeHours(hours.weekly, scope.locale);
  return { timeZone: scope.ctx.timeZone, days, text: hoursText(days, translateNow(scope.locale, "agent:hours.closed")) };
}

/** Today's local date in the business's zone, "YYYY-MM-DD". */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** A local date YYYY-MM-DD moved by whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function findOpenSlots(scope: AgentToolScope, args: Args<"find_open_slots">) {
  const { ctx, locale, now } = scope;
  const today = localDate(now, ctx.timeZone);
  const fromDate = args.fromDate < today ? today : args.fromDate;
  let toDate = args.toDate ?? addDays(fromDate, 6);
  if (toDate < fromDate) toDate = fromDate;
  if (toDate > addDays(fromDate, MAX_SLOT_DAYS - 1)) toDate = addDays(fromDate, MAX_SLOT_DAYS - 1);
  const { calendar, priced } = await withTenant(ctx.tenantId, async (db) => {
    const calendar = await getSlotCalendar(db, {
      serviceId: args.serviceId,
      selection: args.options,
      fromDate,
      toDate,
      now,
      rules: "customer",
      timeZone: ctx.timeZone,
    });
    const service = await db.service.findUniqueOrThrow({
      where: { id: args.serviceId },
      select: { name: true, priceCents: true, durationMinutes: true, optionGroups: true, depositRule: true },
    });
    return { calendar, priced: { name: service.name as Record<string, string>, quote: quote(service, args.options ?? {}) } };
  });
  const slots: Array<{ startsAt: string; label: string }> = [];
  let total = 0;
  for (const day of calendar.days) {
    total += day.slots.length;
    for (const s of day.slots.slice(0, MAX_SLOTS_PER_DAY))
      if (slots.length < MAX_SLOTS) slots.push({ startsAt: s.startsAt, label: slotLabel(s.startsAt, locale, ctx.timeZone) });
  }
  return {
    serviceId: args.serviceId,
    service: priced.name[locale] ?? priced.name.en,
    price: money(priced.quote.priceCents, locale, ctx.currency),
    priceCents: priced.quote.priceCents,
    durationMinutes: calendar.durationMinutes,
    fromDate,
    toDate,
    timeZone: ctx.timeZone,
    slots,
    moreAvailable: total > slots.length,
  };
}

async function bookSlot(scope: AgentToolScope, args: Args<"book_slot">): Promise<AgentToolOutcome> {
  const { ctx, locale, now } = scope;
  let customer: { id: string } | { name: string; phone: string; locale: TAgentLocale };
  if (scope.customerId) customer = { id: scope.customerId };
  else if (scope.callerPhone && args.name) customer = { name: args.name, phone: scope.callerPhone, locale };
  else return { result: { ok: false, error: translateNow(locale, "agent:tools.needNameAndPhone") } };
  const startsAt = new Date(args.startsAt);
  const booking = await withTenant(ctx.tenantId, async (db) => {
    // A retried turn (the reply failed to record) asks again for the booking it already made: answer with that one.
    if (scope.customerId) {
      const made = await db.booking.findFirst({
        where: {
          customerId: scope.customerId,
          serviceId: args.serviceId,
          startsAt,
          source: "AGENT",
          status: { in: ["REQUESTED", "CONFIRMED"] },
        },
        select: { id: true },
      });
      if (made) return getBooking(db, made.id);
    }
    return createBooking(
      db,
      { source: "AGENT", serviceId: args.serviceId, startsAt, options: args.options, customer, notes: args.notes ?? null },
      { kind: "AGENT" },
      { now },
    );
  });
  return {
    bookingId: booking.id,
    result: {
      ok: true,
      bookingId: booking.id,
      status: booking.status,
      startsAt: new Date(booking.startsAt).toISOString(),
      when: slotLabel(booking.startsAt, locale, ctx.timeZone),
      price: money(booking.priceCents, locale, ctx.currency),
      priceCents: booking.priceCents,
      needsOwnerConfirmation: booking.status === "REQUESTED",
      confirmationTextWillFollow: true,
    },
  };
}

async function myBookings(scope: AgentToolScope) {
  const { ctx, locale, now } = scope;
  if (!scope.customerId) return { known: false, bookings: [] };
  const rows = await withTenant(ctx.tenantId, (db) =>
    db.booking.findMany({
      where: { customerId: scope.customerId!, startsAt: { gte: now }, status: { in: ["REQUESTED", "CONFIRMED", "IN_PROGRESS"] } },
      orderBy: { startsAt: "asc" },
      take: 5,
      select: { id: true, startsAt: true, status: true, priceCents: true, service: { select: { name: true } } },
    }),
  );
  return {
    known: true,
    bookings: rows.map((b) => ({
      bookingId: b.id,
      service: (b.service.name as Record<string, string>)[locale] ?? (b.service.name as Record<string, string>).en,
      startsAt: b.startsAt.toISOString(),
      when: slotLabel(b.startsAt, locale, ctx.timeZone),
      status: b.status,
      price: money(b.priceCents, locale, ctx.currency),
      priceCents: b.priceCents,
    })),
  };
}
