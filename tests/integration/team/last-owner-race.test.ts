import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { withTenant } from "../../../server/db/db.server";
import { callerFor, createMember, createTestTenant } from "../../helpers/factories";

/**
 * Two owners acting on each other at the same moment. Without a lock both transactions
 * counted "another owner" before either wrote, both went through and the business was left
 * with no owner. (On the embedded database transactions take turns; the race is real on a
 * PostgreSQL server, where CI runs this.)
 */
type Scenario = "demote each other" | "remove each other" | "demote and remove each other";

async function race(scenario: Scenario) {
  const t = await createTestTenant();
  const a = { user: t.owner, membershipId: (await withTenant(t.id, (db) => db.membership.findFirstOrThrow({ select: { id: true } }))).id };
  const b = await createMember(t.id, "OWNER");
  const [asA, asB] = [callerFor(a.user, t.id), callerFor(b.user, t.id)];
  const calls =
    scenario === "demote each other"
      ? [
          asA.team.changeRole({ membershipId: b.membershipId, role: "MANAGER" }),
          asB.team.changeRole({ membershipId: a.membershipId, role: "STAFF" }),
        ]
      : scenario === "remove each other"
        ? [asA.team.remove({ membershipId: b.membershipId }), asB.team.remove({ membershipId: a.membershipId })]
        : [asA.team.changeRole({ membershipId: b.membershipId, role: "STAFF" }), asB.team.remove({ membershipId: a.membershipId })];
  const settled = await Promise.allSettled(calls);
  const owners = await withTenant(t.id, (db) => db.membership.count({ where: { role: "OWNER" } }));
  const refusals = settled.flatMap((s) =>
    s.status === "rejected" ? [s.reason instanceof TRPCError ? s.reason.code : String(s.reason)] : [],
  );
  return { owners, succeeded: settled.filter((s) => s.status === "fulfilled").length, refusals };
}

describe("the last owner under concurrency", () => {
  const scenarios: Scenario[] = ["demote each other", "remove each other", "demote and remove each other"];

  it.each(scenarios)("two owners who %s at once leave exactly one owner; the second is refused", async (scenario) => {
    // Several businesses at once so the transactions really overlap.
    const results = await Promise.all(Array.from({ length: 4 }, () => race(scenario)));
    for (const r of results) {
      expect(r.owners).toBe(1);
      expect(r.succeeded).toBe(1);
      expect(r.refusals).toHaveLength(1);
      expect(["CONFLICT", "FORBIDDEN"]).toContain(r.refusals[0]);
    }
  });
});
