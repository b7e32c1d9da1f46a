import { TRPCError } from "@trpc/server";
import { withTenant } from "../../../server/db/db.server";
import { describeError } from "../../../server/trpc/describe-error.server";

/** Rows other domains own, written the way those domains would (as the tenant). */

export async function failure(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

/** What a person reading `locale` is told about a failed call. */
export async function described(p: Promise<unknown>, locale: "en" | "es" = "en") {
  const error = await failure(p);
  return { code: error.code, ...describeError(error, locale) };
}

let slot = 0;

/** A booking for a customer (a new staff member and the tenant's first service), `daysFromNow` away. */
export async function addBooking(
  tenantId: string,
  customerId: string,
  options: { daysFromNow: number; status?: "REQUESTED" | "CONFIRMED" | "COMPLETED" | "CANCELLED" | "NO_SHOW"; priceCents?: number },
) {
  return withTenant(tenantId, async (db) => {
    const service = await db.service.findFirstOrThrow({ orderBy: { sortOrder: "asc" } });
    const staff = await db.staff.create({ data: { tenantId, name: `Tech ${++slot}` } });
    const startsAt = new Date(Date.now() + options.daysFromNow * 86_400_000 + slot * 3_600_000);
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    return db.booking.create({
      data: {
        tenantId,
        customerId,
        serviceId: service.id,
        staffId: staff.id,
        status: options.status ?? (options.daysFromNow < 0 ? "COMPLETED" : "CONFIRMED"),
        source: "DASHBOARD",
        startsAt,
        endsAt,
        blockedFrom: startsAt,
        blockedUntil: endsAt,
        durationMinutes: 60,
        priceCents: options.priceCents ?? service.priceCents,
      },
    });
  });
}

/** A conversation with `count` inbound texts for a customer. */
export async function addConversation(
  tenantId: string,
  customerId: string,
  options: { count: number; unread?: number; at?: Date; aiEnabled?: boolean },
) {
  return withTenant(tenantId, async (db) => {
    const at = options.at ?? new Date();
    const conversation = await db.conversation.create({
      data: {
        tenantId,
        customerId,
        unreadCount: options.unread ?? 0,
        lastMessageAt: at,
        lastMessagePreview: `last of ${customerId}`,
        aiEnabled: options.aiEnabled ?? true,
      },
    });
    for (let i = 0; i < options.count; i++) {
      await db.message.create({
        data: {
          tenantId,
          conversationId: conversation.id,
          channel: "SMS",
          direction: "INBOUND",
          status: "RECEIVED",
          body: `hello ${i}`,
          provider: "local",
          providerMessageId: `${conversation.id}-${i}`,
          createdAt: new Date(at.getTime() - (options.count - i) * 1000),
        },
      });
    }
    return conversation;
  });
}
