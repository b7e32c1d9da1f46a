import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { withTenant } from "../../../server/db/db.server";
import { listRecentCalls, simulateCallInput, simulateCallStart } from "../../../server/telephony/simulator.server";
import { callerFor, createMember, createTestTenant } from "../../helpers/factories";
import { uniquePhone } from "../inbox/support";
import { ANA, BEN, configurePhone, fakeDeps } from "./support";

/** The owner's call simulator: the same flow and session as real calls, button by button, through the tRPC router. */
describe("call simulator", () => {
  it("a manager places a bilingual call, answers as Ben, hangs up; the call is logged as simulated with every step", async () => {
    const t = await createTestTenant();
    await configurePhone(t.id, { mode: "HUMAN_FIRST", bilingualMenu: true, ringStrategy: "SIMULTANEOUS" });
    const { user } = await createMember(t.id, "MANAGER");
    const api = callerFor(user, t.id).telephony.simulator;

    let view = await api.startCall({ from: "(512) 555-0177" });
    expect(view).toMatchObject({ status: "LIVE", awaiting: "digit", from: "+15125550177", simulated: true });
    view = await api.callInput({ callId: view.id, input: { kind: "digit", digit: "2" } });
    expect(view).toMatchObject({ language: "es", awaiting: "ring", ringing: [ANA, BEN] });
    view = await api.callInput({ callId: view.id, input: { kind: "answer", targetIndex: 1 } });
    expect(view.steps.at(-1)).toMatchObject({ kind: "answered", detail: "Ben" });
    view = await api.callInput({ callId: view.id, input: { kind: "hangup" } });
    expect(view).toMatchObject({ status: "ENDED", outcome: "HUMAN" });

    const row = await withTenant(t.id, (db) => db.call.findUniqueOrThrow({ where: { id: view.id } }));
    expect(row).toMatchObject({ provider: "simulator", simulated: true, toNumber: "simulator" });
    expect(row.providerCallId).toMatch(/^sim-[0-9a-f-]{36}$/);

    const recent = await api.recentCalls({ limit: 5 });
    expect(recent.map((c) => [c.id, c.outcome, c.status])).toEqual([[view.id, "HUMAN", "ENDED"]]);
  });

  it("staff may not use the simulator; bad input is refused with field errors", async () => {
    const t = await createTestTenant();
    await configurePhone(t.id, { mode: "HUMAN_FIRST" });
    const { user: staff } = await createMember(t.id, "STAFF");
    await expect(callerFor(staff, t.id).telephony.simulator.startCall({ from: uniquePhone() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const owner = callerFor(t.owner, t.id).telephony.simulator;
    await expect(owner.startCall({ from: "call me" })).rejects.toBeInstanceOf(TRPCError);
    const view = await owner.startCall({ from: uniquePhone() });
    await expect(owner.callInput({ callId: view.id, input: { kind: "answer", targetIndex: 5 } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(owner.callInput({ callId: view.id, input: { kind: "digit", digit: "12" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(owner.callInput({ callId: view.id, input: { kind: "say", text: "hello" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("another tenant's manager cannot drive the call", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    await configurePhone(a.id, { mode: "HUMAN_FIRST" });
    const view = await callerFor(a.owner, a.id).telephony.simulator.startCall({ from: uniquePhone() });
    await expect(
      callerFor(b.owner, b.id).telephony.simulator.callInput({ callId: view.id, input: { kind: "hangup" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await callerFor(b.owner, b.id).telephony.simulator.recentCalls({ limit: 10 })).toEqual([]);
  });

  it("drives the AI and voicemail flow with the same session functions (scripted agent)", async () => {
    const t = await createTestTenant();
    await configurePhone(t.id, { mode: "HYBRID", ringTargets: [] });
    const { deps, advance } = fakeDeps([{ reply: "We open at 9.", handoff: false }]);
    let view = await simulateCallStart(t.id, { from: uniquePhone() }, deps);
    expect(view.steps[0]).toMatchObject({ kind: "route", detail: "noTargets: AI -> AI" });
    view = await simulateCallInput(t.id, view.id, { kind: "say", text: "When do you open?" }, deps);
    expect(view.steps.filter((s) => s.kind === "agent").map((s) => s.text)).toEqual(["We open at 9."]);
    advance(30);
    view = await simulateCallInput(t.id, view.id, { kind: "digit", digit: "0" }, deps);
    // Nobody to ring: straight to voicemail.
    expect(view.awaiting).toBe("recording");
    view = await simulateCallInput(t.id, view.id, { kind: "voicemail", text: "Please call back", seconds: 12 }, deps);
    expect(view).toMatchObject({ status: "ENDED", outcome: "VOICEMAIL" });
    const recent = await listRecentCalls(t.id, 10);
    expect(recent).toHaveLength(1);
    const voicemail = await withTenant(t.id, (db) =>
      db.message.findFirstOrThrow({ where: { channel: "VOICEMAIL" }, select: { metadata: true, provider: true } }),
    );
    expect(voicemail).toMatchObject({
      provider: "simulator",
      metadata: { spokenText: "Please call back", durationSeconds: 12, recordingUrl: null },
    });
  });
});
