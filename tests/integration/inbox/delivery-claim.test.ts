import { beforeEach, describe, expect, it } from "vitest";
import { CLAIM_STALE_MS, deliverOutboundMessage } from "../../../server/conversations/deliver-outbound-message.server";
import { recordOutboundMessage } from "../../../server/conversations/record-outbound-message.server";
import { withTenant } from "../../../server/db/db.server";
import { localSms } from "../../../server/integrations/sms";
import { createTestTenant } from "../../helpers/factories";
import { createCustomer } from "./support";

/**
 * A text is carried once, however many deliveries of it run: each one must first claim it
 * (QUEUED -> SENDING). Only a claim abandoned by a crash is taken over, after a while.
 */
describe("delivering an outbound text", () => {
  beforeEach(() => localSms().clear());

  it("ten concurrent deliveries of one message send it once; all of them report it SENT", async () => {
    const t = await createTestTenant();
    const c = await createCustomer(t.id, { smsConsent: true });
    const run = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.id, fn);
    const recorded = await run((db) =>
      recordOutboundMessage(db, {
        target: { customerId: c.id },
        channel: "SMS",
        body: "Your detail is confirmed",
        authorUserId: t.owner.id,
      }),
    );
    expect(recorded.message.status).toBe("QUEUED");
    const results = await Promise.all(Array.from({ length: 10 }, () => deliverOutboundMessage(run, recorded.message.id)));
    expect(
      localSms()
        .sent()
        .filter((s) => s.to === c.phone),
    ).toHaveLength(1);
    const final = await run((db) => db.message.findUniqueOrThrow({ where: { id: recorded.message.id }, select: { status: true } }));
    expect(final.status).toBe("SENT");
    // The losers answered with the message as they found it: being sent, or sent.
    expect(results.every((r) => r.status === "SENT" || r.status === "SENDING")).toBe(true);
    const usage = await run((db) => db.usageEvent.count({ where: { kind: "SMS_SEGMENT_OUTBOUND", sourceId: recorded.message.id } }));
    expect(usage).toBe(1);
  });

  it("a claim left by a crashed delivery is taken over once it is stale, not before", async () => {
    const t = await createTestTenant();
    const c = await createCustomer(t.id, { smsConsent: true });
    const run = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.id, fn);
    const recorded = await run((db) =>
      recordOutboundMessage(db, { target: { customerId: c.id }, channel: "SMS", body: "See you Saturday", authorUserId: t.owner.id }),
    );
    const crashedAt = (ago: number) =>
      run((db) =>
        db.message.update({
          where: { id: recorded.message.id },
          data: { status: "SENDING", metadata: { sendingSince: new Date(Date.now() - ago).toISOString() } },
        }),
      );
    await crashedAt(10_000);
    expect((await deliverOutboundMessage(run, recorded.message.id)).status).toBe("SENDING");
    expect(localSms().sent()).toHaveLength(0);
    await crashedAt(CLAIM_STALE_MS + 1_000);
    expect((await deliverOutboundMessage(run, recorded.message.id)).status).toBe("SENT");
    expect(localSms().sent()).toHaveLength(1);
  });
});
