import type { TenantDb } from "../db/db.server";
import type { UsageKind } from "../db/generated/prisma/client";

export type TUsageKind = `${UsageKind}`;

export interface TUsageInput {
  kind: TUsageKind;
  /** Segments or started minutes; zero records nothing. */
  quantity: number;
  /** Counted once per key and tenant, e.g. `sms-in:<messageId>`, `call-in:<callId>`. */
  idempotencyKey: string;
  sourceType: "message" | "call" | "voicemail" | "agent" | "ownerAlert";
  sourceId: string;
  simulated?: boolean;
  occurredAt?: Date;
}

/**
 * Records billable usage (SMS segments, call minutes, AI minutes). Idempotent on the key,
 * also under concurrency (ON CONFLICT DO NOTHING): a replayed webhook or a retried job
 * never counts twice. Returns whether this call recorded it.
 */
export async function recordUsage(db: TenantDb, input: TUsageInput): Promise<boolean> {
  if (!Number.isInteger(input.quantity) || input.quantity < 0) throw new Error(`recordUsage: bad quantity ${input.quantity}`);
  if (input.quantity === 0) return false;
  const { count } = await db.usageEvent.createMany({
    data: [
      {
        tenantId: db.tenantId,
        kind: input.kind,
        quantity: input.quantity,
        idempotencyKey: input.idempotencyKey,
        sourceType: input.sourceType,
        sourceId: input.sourceId,
        simulated: input.simulated ?? false,
        occurredAt: input.occurredAt ?? new Date(),
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

/** Minutes a carrier bills for a call: every started minute (61 s -> 2). */
export function billableMinutes(seconds: number): number {
  return seconds <= 0 ? 0 : Math.ceil(seconds / 60);
}

/** Totals per kind for a period (the billing issue reads these). */
export async function usageTotals(db: TenantDb, from: Date, to: Date): Promise<Record<TUsageKind, number>> {
  const rows = await db.usageEvent.groupBy({
    by: ["kind"],
    where: { tenantId: db.tenantId, occurredAt: { gte: from, lt: to }, simulated: false },
    _sum: { quantity: true },
  });
  const totals = {
    SMS_SEGMENT_INBOUND: 0,
    SMS_SEGMENT_OUTBOUND: 0,
    CALL_MINUTE_INBOUND: 0,
    CALL_MINUTE_OUTBOUND: 0,
    AI_MINUTE: 0,
  } as Record<TUsageKind, number>;
  for (const row of rows) totals[row.kind as TUsageKind] = row._sum.quantity ?? 0;
  return totals;
}
