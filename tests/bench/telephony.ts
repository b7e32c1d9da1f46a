/**
 * Bench figures for the phone line: an inbound text from the carrier to a stored message
 * (number -> business lookup, customer found or created, message + usage + event in one
 * transaction), and the routing decision for an inbound call (caller context from the
 * database + the decision).
 */
import { writeConfig } from "../../server/config/config-service.server";
import { withTenant } from "../../server/db/db.server";
import { loadRoutingContext, routingInputOf } from "../../server/telephony/calls/routing-context.server";
import { decideRoute } from "../../server/telephony/calls/routing";
import { receiveInboundSms } from "../../server/telephony/inbound-sms.server";
import type { SessionUser } from "../../server/users/session-user";
import type { BenchFn } from "./slots";

export async function benchTelephony(bench: BenchFn, tenantId: string, owner: SessionUser, runId: string) {
  const number = "+15125550199";
  await withTenant(tenantId, (db) => writeConfig(db, "PHONE", { number }, owner.id));
  // 200 regular customers texting in; the first text of each creates the customer.
  const senders = Array.from({ length: 200 }, (_, i) => `+1737555${String(1000 + i).padStart(4, "0")}`);
  await bench("inbound SMS -> stored (lookup, customer, message, usage, event)", 2000, (i) =>
    receiveInboundSms({
      to: number,
      from: senders[i % senders.length]!,
      body: `Hi, is Saturday morning open? (${i})`,
      provider: "bench",
      providerMessageId: `${runId}-${i}`,
    }),
  );
  await bench("inbound SMS, a carrier's second delivery (no-op)", 2000, (i) =>
    receiveInboundSms({
      to: number,
      from: senders[i % senders.length]!,
      body: `Hi, is Saturday morning open? (${i})`,
      provider: "bench",
      providerMessageId: `${runId}-${i}`,
    }),
  );
  // Calls: half the callers are known customers (one with a booking today would ring first in HYBRID).
  await withTenant(tenantId, (db) =>
    writeConfig(db, "PHONE", { mode: "HYBRID", ringTargets: [{ name: "Owner", phone: "+15125550100" }] }, owner.id),
  );
  const callers = [...senders.slice(0, 100), ...Array.from({ length: 100 }, (_, i) => `+1737666${String(1000 + i).padStart(4, "0")}`)];
  await bench("call routing decision (caller context from the database + decision)", 2000, async (i) =>
    decideRoute(routingInputOf(await loadRoutingContext(tenantId, callers[i % callers.length]!))),
  );
  const context = await loadRoutingContext(tenantId, callers[0]!);
  await bench("call routing decision alone (pure, context in memory)", 50_000, async () => decideRoute(routingInputOf(context)));
  return { number, senders };
}
