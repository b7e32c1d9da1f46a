import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { tenantOnboardingFollowup } from "../../../inngest/functions/tenant-onboarding-followup";
import { functions } from "../../../inngest/functions";
import { triggerEventNames } from "../../../server/jobs/local-runner.server";

/**
 * The flow of the onboarding follow-up with every step mocked by id (no database): the
 * database side is covered by tests/integration/jobs/tenant-onboarding-followup.test.ts.
 */
const event = {
  name: "tenant/created" as const,
  data: { tenantId: "tenant-1", slug: "shiny-cars", name: "Shiny Cars", ownerUserId: "user-1", locale: "en" as const },
};

describe("tenant-onboarding-followup (mocked steps)", () => {
  it("welcomes, sleeps one day, then returns the setup checklist", async () => {
    const calls: string[] = [];
    const t = new InngestTestEngine({
      function: tenantOnboardingFollowup,
      events: [event],
      steps: [
        { id: "record-welcome", handler: () => (calls.push("record-welcome"), { auditId: "audit-1" }) },
        { id: "wait-one-day", handler: () => void calls.push("wait-one-day") },
        { id: "check-setup", handler: () => (calls.push("check-setup"), { servicesCount: 3, hasHours: false }) },
      ],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ servicesCount: 3, hasHours: false });
    expect(ctx.step.sleep).toHaveBeenCalledWith("wait-one-day", "1d");
    expect(ctx.step.run).toHaveBeenCalledWith("record-welcome", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("check-setup", expect.any(Function));
    expect(calls).toEqual(["record-welcome", "wait-one-day", "check-setup"]);
  });

  it("does not check the setup before the day has passed", async () => {
    const t = new InngestTestEngine({
      function: tenantOnboardingFollowup,
      events: [event],
      steps: [{ id: "record-welcome", handler: () => ({ auditId: "audit-1" }) }],
    });
    const { step, ctx } = await t.executeStep("wait-one-day");
    // The SDK reports the sleep to the executor (Inngest or the local runner) and stops there.
    expect(step).toMatchObject({ op: "Sleep", name: "1d", displayName: "wait-one-day" });
    expect(ctx.step.run).not.toHaveBeenCalledWith("check-setup", expect.any(Function));
  });

  it("rejects an event that does not match the tenant/created schema", async () => {
    const t = new InngestTestEngine({
      function: tenantOnboardingFollowup,
      events: [{ name: "tenant/created", data: { tenantId: "tenant-1" } }],
      steps: [{ id: "wait-one-day", handler: () => undefined }],
    });
    const { error } = await t.execute();
    expect(String((error as Error | undefined)?.message ?? error)).toMatch(/slug|ownerUserId|locale/);
  });

  it("is registered and triggered by tenant/created", () => {
    expect(functions).toContain(tenantOnboardingFollowup);
    expect(triggerEventNames(tenantOnboardingFollowup)).toEqual(["tenant/created"]);
  });
});
