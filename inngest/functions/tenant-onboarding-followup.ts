import { inngest } from "../client";
import { tenantCreated } from "../events";
import { withTenant } from "../../server/db/db.server";

export interface OnboardingChecklist {
  servicesCount: number;
  hasHours: boolean;
}

/**
 * A day after a business signs up, look at how far its setup got. Steps are idempotent
 * (delivery is at-least-once): each audit row is written only if it is not there yet.
 */
export const tenantOnboardingFollowup = inngest.createFunction(
  { id: "tenant-onboarding-followup", name: "Tenant onboarding follow-up", triggers: [tenantCreated] },
  async ({ event, step }) => {
    const { tenantId, ownerUserId, slug } = event.data;

    await step.run("record-welcome", () =>
      withTenant(tenantId, async (db) => {
        const existing = await db.auditEntry.findFirst({
          where: { action: "onboarding.welcome", targetId: tenantId },
          select: { id: true },
        });
        if (existing) return { auditId: existing.id };
        const row = await db.auditEntry.create({
          data: { tenantId, action: "onboarding.welcome", targetType: "tenant", targetId: tenantId, data: { ownerUserId, slug } },
          select: { id: true },
        });
        return { auditId: row.id };
      }),
    );

    await step.sleep("wait-one-day", "1d");

    const checklist: OnboardingChecklist = await step.run("check-setup", () =>
      withTenant(tenantId, async (db) => {
        const servicesCount = await db.service.count({ where: { tenantId } });
        const hours = await db.configOverride.findUnique({ where: { tenantId_node: { tenantId, node: "HOURS" } }, select: { id: true } });
        const result: OnboardingChecklist = { servicesCount, hasHours: hours !== null };
        const existing = await db.auditEntry.findFirst({
          where: { action: "onboarding.checklist", targetId: tenantId },
          select: { id: true },
        });
        if (!existing) {
          await db.auditEntry.create({
            data: { tenantId, action: "onboarding.checklist", targetType: "tenant", targetId: tenantId, data: { ...result } },
          });
        }
        return result;
      }),
    );

    return checklist;
  },
);
