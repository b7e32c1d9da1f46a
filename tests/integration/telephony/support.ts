import { writeConfig } from "../../../server/config/config-service.server";
import type { TConfigNode } from "../../../server/config/schemas";
import { withTenant } from "../../../server/db/db.server";
import type { TCallSessionDeps, TVoiceAgent } from "../../../server/telephony/calls/call-session.server";

export const ANA = { name: "Ana", phone: "+15125550101" };
export const BEN = { name: "Ben", phone: "+15125550102" };

/** Sets the tenant's PHONE node (and optionally turns the AI off). */
export async function configurePhone(tenantId: string, phone: Partial<TConfigNode<"PHONE">>, ai: { enabled?: boolean } = {}) {
  await withTenant(tenantId, async (db) => {
    await writeConfig(
      db,
      "PHONE",
      { ringTargets: [ANA, BEN], ringStrategy: "SEQUENTIAL", ringSeconds: 20, bilingualMenu: false, pronunciations: [], ...phone },
      null,
    );
    if (ai.enabled !== undefined) await writeConfig(db, "AI", { enabled: ai.enabled }, null);
  });
}

/** A clock the test moves by hand, and an agent that answers from a script and records what it was asked. */
export function fakeDeps(replies: Array<{ reply: string; handoff?: boolean; bookingId?: string | null } | Error> = []) {
  let now = Date.UTC(2030, 0, 7, 16, 0, 0);
  const asked: Array<Parameters<TVoiceAgent>[1]> = [];
  const agent: TVoiceAgent = async (_tenantId, input) => {
    asked.push(input);
    const next = replies.shift();
    if (!next) throw new Error("agent: no scripted reply left");
    if (next instanceof Error) throw next;
    return { reply: next.reply, handoff: next.handoff ?? false, bookingId: next.bookingId ?? null };
  };
  const deps: TCallSessionDeps = { agent, now: () => new Date(now) };
  return { deps, asked, advance: (seconds: number) => (now += seconds * 1000) };
}
