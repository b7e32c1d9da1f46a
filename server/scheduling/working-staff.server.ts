import type { TenantDb } from "../db/db.server";
import type { Prisma } from "../db/generated/prisma/client";

/**
 * The one filter for staff who may be offered or given work: slots, staff choices, holds,
 * bookings, reassignment and calendar targets all read staff through it. A member removed
 * from the team has their row deactivated (takeOffSchedule), so they drop out everywhere;
 * the bookings they already had keep pointing at the row and stay on the schedule.
 */
export const WORKING_STAFF = { active: true } as const satisfies Prisma.StaffWhereInput;

/**
 * Takes a removed member's staff row off the schedule, in the removal's transaction: the
 * row is deactivated (memberships.id is ON DELETE SET NULL, which alone would leave them
 * looking like a technician without a login) and their live holds are released, so a
 * customer half-way through booking them is asked to pick another time.
 */
export async function takeOffSchedule(db: TenantDb, membershipId: string): Promise<{ staffId: string | null }> {
  const staff = await db.staff.findUnique({ where: { membershipId }, select: { id: true } });
  if (!staff) return { staffId: null };
  await db.staff.update({ where: { id: staff.id }, data: { active: false } });
  await db.booking.deleteMany({ where: { staffId: staff.id, status: "HELD" } });
  return { staffId: staff.id };
}
