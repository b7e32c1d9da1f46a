import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { functions } from "../../../inngest/functions";
import { tenantOnboardingFollowup } from "../../../inngest/functions/tenant-onboarding-followup";
import { withTenant } from "../../../server/db/db.server";
import { emitEvent } from "../../../server/events/outbox.server";
import { createLocalRunner, hashStepId } from "../../../server/jobs/local-runner.server";
import { createOutboxRelay } from "../../../server/jobs/outbox-relay.server";
import { auditActions, count, createTenant, manualClock, runFor } from "./support";

const DAY = 24 * 60 * 60 * 1000;

async function seedSetup(tenantId: string, services: number, hours: boolean) {
  await withTenant(tenantId, async (db) => {
    for (let i = 0; i < services; i++) {
      await db.service.create({
        data: { tenantId, name: { en: `Wash ${i}` }, description: { en: "" }, durationMinutes: 30, priceCents: 2500 },
      });
    }
    if (hours) await db.configOverride.create({ data: { tenantId, node: "HOURS", data: { mon: [["09:00", "17:00"]] } } });
  });
}

const createdEvent = (tenantId: string) => ({
  name: "tenant/created" as const,
  data: { tenantId, slug: "s", name: "Shiny Cars", ownerUserId: "owner-1", locale: "en" as const },
});

describe("tenant-onboarding-followup on the database", () => {
  it("@inngest/test with only the sleep mocked: writes the welcome and checklist audit rows, once", async () => {
    const tenantId = await createTenant("onb");
    await seedSetup(tenantId, 2, true);
    const t = new InngestTestEngine({
      function: tenantOnboardingFollowup,
      events: [createdEvent(tenantId)],
      steps: [{ id: "wait-one-day", handler: () => undefined }],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ servicesCount: 2, hasHours: true });

    // Steps are idempotent: replaying the whole function (a new engine) adds no rows.
    const again = new InngestTestEngine({
      function: tenantOnboardingFollowup,
      events: [createdEvent(tenantId)],
      steps: [{ id: "wait-one-day", handler: () => undefined }],
    });
    await again.execute();
    const actions = await auditActions(tenantId);
    expect(count(actions, "onboarding.welcome")).toBe(1);
    expect(count(actions, "onboarding.checklist")).toBe(1);
    const checklist = await withTenant(tenantId, (db) => db.auditEntry.findFirstOrThrow({ where: { action: "onboarding.checklist" } }));
    expect(checklist).toMatchObject({ targetType: "tenant", targetId: tenantId, data: { servicesCount: 2, hasHours: true } });
  });

  it("end to end: outbox -> relay -> local runner, sleeping a day between welcome and checklist", async () => {
    const tenantId = await createTenant("onb");
    const outboxId = await withTenant(tenantId, (db) => emitEvent(db, "tenant/created", createdEvent(tenantId).data));
    const relay = createOutboxRelay({ functions, mode: "local", tenantId });
    expect((await relay.tick()).delivered).toBe(1);

    const clock = manualClock();
    const runner = createLocalRunner({ functions, now: clock.now });
    await runner.tick();
    let run = await runFor(tenantOnboardingFollowup.id(), outboxId);
    expect(run.status).toBe("SLEEPING");
    expect(run.runAt.getTime()).toBe(clock.now().getTime() + DAY);
    expect(await auditActions(tenantId)).toEqual(["onboarding.welcome"]);

    await seedSetup(tenantId, 1, false); // the owner adds a service during the day
    clock.advance(DAY - 1_000);
    await runner.tick();
    expect((await runFor(tenantOnboardingFollowup.id(), outboxId)).status).toBe("SLEEPING");

    clock.advance(1_000);
    await runner.tick();
    run = await runFor(tenantOnboardingFollowup.id(), outboxId);
    expect(run.status).toBe("COMPLETED");
    expect(run.output).toEqual({ servicesCount: 1, hasHours: false });
    expect(run.steps.filter((s) => s.op !== "StepError").map((s) => s.stepId)).toEqual([
      hashStepId("record-welcome"),
      hashStepId("wait-one-day"),
      hashStepId("check-setup"),
    ]);
    expect(await auditActions(tenantId)).toEqual(["onboarding.welcome", "onboarding.checklist"]);
  });
});
