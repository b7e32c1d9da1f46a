import { InngestTestEngine } from "@inngest/test";
import { beforeEach, describe, expect, it } from "vitest";
import { inboundSms } from "../../../inngest/functions/inbound-sms";
import { withTenant } from "../../../server/db/db.server";
import { localSms } from "../../../server/integrations/sms";
import { callerFor, createMember, createTestTenant } from "../../helpers/factories";
import { uniquePhone } from "../inbox/support";

/**
 * The dashboard's text simulator: a text "to the line" from any number goes the way a
 * real one does (stored first, then keywords, then the agent), marked simulated.
 */
describe("telephony.simulator.sendSms", () => {
  beforeEach(() => localSms().clear());

  it("stores the text in the sender's thread and the agent answers it (offline adapter: hours with the offline note)", async () => {
    const t = await createTestTenant();
    const from = uniquePhone();
    const sent = await callerFor(t.owner, t.id).telephony.simulator.sendSms({ from: from.replace("+1", ""), body: "What are your hours?" });
    const message = await withTenant(t.id, (db) =>
      db.message.findUniqueOrThrow({
        where: { id: sent.messageId },
        select: { conversationId: true, provider: true, metadata: true, direction: true },
      }),
    );
    expect(message).toMatchObject({
      conversationId: sent.conversationId,
      provider: "simulator",
      direction: "INBOUND",
      metadata: { simulated: true },
    });
    const event = await withTenant(t.id, (db) =>
      db.outboxEvent.findFirstOrThrow({ where: { name: "message/stored" }, orderBy: { createdAt: "desc" } }),
    );
    const { result } = await new InngestTestEngine({
      function: inboundSms,
      events: [{ name: event.name, data: event.data } as never],
    }).execute();
    expect(result).toMatchObject({ agent: "replied" });
    const reply = localSms()
      .sent()
      .find((s) => s.to === from);
    expect(reply?.body).toMatch(/offline/i);
  });

  it("refuses staff, a number that is not a phone number (on the field) and an empty text", async () => {
    const t = await createTestTenant();
    const { user: staff } = await createMember(t.id, "STAFF");
    await expect(callerFor(staff, t.id).telephony.simulator.sendSms({ from: uniquePhone(), body: "hi" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const owner = callerFor(t.owner, t.id).telephony.simulator;
    await expect(owner.sendSms({ from: "call me", body: "hi" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.sendSms({ from: uniquePhone(), body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await withTenant(t.id, (db) => db.message.count())).toBe(0);
  });
});
