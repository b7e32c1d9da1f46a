import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findOutboxRuleBreaks } from "../../helpers/outbox-rule-scan";

const root = path.resolve(__dirname, "../../..");

function serverFiles(): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        out.push({ path: path.relative(root, full), text: readFileSync(full, "utf8") });
      }
    }
  };
  walk(path.join(root, "server"));
  return out;
}

describe("the outbox rule (state, audit row and event in one transaction)", () => {
  it("no function in server/ writes state and its audit row or event in separate transactions", () => {
    const followUps = {
      setLastTenant: "which business the user's next sign-in opens: a preference, not part of the change the event records",
    };
    expect(findOutboxRuleBreaks(serverFiles(), followUps)).toEqual([]);
  });

  it("the scan finds the split shapes it is meant to find", () => {
    const split = `
      export async function setStatus(id: string) {
        await withGlobal((g) => g.tenant.updateMany({ where: { id }, data: { status: "SUSPENDED" } }));
        await withTenant(id, async (db) => {
          await db.auditEntry.create({ data: {} });
          await emitEvent(db, "tenant/status-changed", {});
        });
      }
      export async function markVerified(id: string) {
        await withGlobal((g) => g.domain.updateMany({ where: { id }, data: {} }));
      }
      export async function verify(tenantId: string, id: string) {
        await markVerified(id);
        await withTenant(tenantId, (db) => db.auditEntry.create({ data: {} }));
      }
      export async function together(tenantId: string) {
        await withGlobalThenTenant(tenantId, (g) => g.tenant.update({}), async (db) => {
          await db.auditEntry.create({ data: {} });
        });
        await withTenant(tenantId, (db) => db.outboxEvent.findMany());
      }`;
    expect(findOutboxRuleBreaks([{ path: "fixture.ts", text: split }]).map((b) => [b.fn, b.line])).toEqual([
      ["setStatus", 3],
      ["verify", 13],
    ]);
  });
});
