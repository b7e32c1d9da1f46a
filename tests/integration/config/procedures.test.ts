import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { PLATFORM_CONFIG_DEFAULTS } from "../../../server/config/defaults";
import { withTenant } from "../../../server/db/db.server";
import { getPack } from "../../../server/packs";
import type { TrpcContext } from "../../../server/trpc/context.server";
import { appRouter } from "../../../server/trpc/router.server";
import { callerFor, createMember, createTestTenant } from "../../helpers/factories";

const HOURS = {
  weekly: {
    mon: [
      { open: "08:00", close: "12:00" },
      { open: "13:00", close: "17:00" },
    ],
    tue: [{ open: "08:00", close: "17:00" }],
    wed: [],
    thu: [{ open: "08:00", close: "17:00" }],
    fri: [{ open: "08:00", close: "15:00" }],
    sat: [],
    sun: [],
  },
};

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

/** The error as an HTTP client in `locale` receives it (the router's error formatter; the HTTP test covers the adapter). */
function shapeOf(error: TRPCError, locale: "en" | "es" = "en") {
  const ctx = { locale } as TrpcContext;
  return getTRPCErrorShape({ config: appRouter._def._config, error, type: "mutation", path: undefined, input: undefined, ctx }) as {
    message: string;
    data: { code: string; httpStatus: number; i18nKey: string | null; fields: Record<string, string> | null };
  };
}

describe("config procedures", () => {
  it("HOURS.get / update / all / reset through the caller", async () => {
    const t = await createTestTenant({ packKey: "auto-detailing" });
    const caller = callerFor(t.owner, t.id);
    const packHours = getPack("auto-detailing").config.HOURS;
    expect(await caller.config.HOURS.get()).toEqual(packHours);

    expect(await caller.config.HOURS.update(HOURS)).toEqual(HOURS);
    expect(await caller.config.HOURS.get()).toEqual(HOURS);

    const all = await caller.config.all();
    expect(all.HOURS).toEqual(HOURS);
    expect(all.PHONE).toEqual(PLATFORM_CONFIG_DEFAULTS.PHONE);
    expect(all.EMAIL.fromName).toBe(t.name);

    expect(await caller.config.reset({ node: "HOURS" })).toEqual(packHours);
    expect(await caller.config.HOURS.get()).toEqual(packHours);

    // A partial update of another node keeps the rest of it.
    const phone = await caller.config.PHONE.update({ ringSeconds: 35, mode: "AI_FIRST" });
    expect(phone).toEqual({ ...PLATFORM_CONFIG_DEFAULTS.PHONE, ringSeconds: 35, mode: "AI_FIRST" });
    expect(await caller.config.PHONE.get()).toEqual(phone);
  });

  it("invalid input is BAD_REQUEST with translated field messages (English and Spanish)", async () => {
    const t = await createTestTenant();
    const bad = { weekly: { ...HOURS.weekly, mon: [{ open: "9am", close: "17:00" }], tue: [{ open: "18:00", close: "09:00" }] } };

    const en = await failure(callerFor(t.owner, t.id, "en").config.HOURS.update(bad));
    expect(en.code).toBe("BAD_REQUEST");
    expect(shapeOf(en)).toMatchObject({
      message: "Some fields need your attention.",
      data: {
        code: "BAD_REQUEST",
        httpStatus: 400,
        i18nKey: "errors:invalidInput",
        fields: { "weekly.mon.0.open": "Use a time like 09:00.", "weekly.tue.0": "Opening time must be before closing time." },
      },
    });

    const es = await failure(callerFor(t.owner, t.id, "es").config.HOURS.update(bad));
    expect(shapeOf(es, "es")).toMatchObject({
      message: "Algunos campos necesitan su atención.",
      data: {
        fields: { "weekly.mon.0.open": "Use una hora como 09:00.", "weekly.tue.0": "La hora de apertura debe ser antes de la de cierre." },
      },
    });

    const site = await failure(callerFor(t.owner, t.id, "es").config.SITE.update({ primaryColor: "blue", contactPhone: "555-1234" }));
    expect(shapeOf(site, "es").data.fields).toEqual({
      primaryColor: "Use un color como #1d5ef1.",
      contactPhone: "Escriba un número de teléfono válido.",
    });

    // Unknown keys are refused too (strict schemas), and nothing was written.
    expect((await failure(callerFor(t.owner, t.id).config.PHONE.update({ ringSecs: 10 } as never))).code).toBe("BAD_REQUEST");
    expect(await callerFor(t.owner, t.id).config.HOURS.get()).toEqual(getPack("auto-detailing").config.HOURS);
    expect(await withTenant(t.id, (db) => db.configOverride.count({ where: { node: { in: ["SITE", "PHONE"] } } }))).toBe(0);
  });

  it("role gates: STAFF reads but cannot update SITE; MANAGER updates HOURS but not PHONE or BILLING; OWNER updates PHONE", async () => {
    const t = await createTestTenant();
    const [staff, manager] = await Promise.all([createMember(t.id, "STAFF"), createMember(t.id, "MANAGER")]);
    const asStaff = callerFor(staff.user, t.id, "es");
    const asManager = callerFor(manager.user, t.id);
    const asOwner = callerFor(t.owner, t.id);

    expect(await asStaff.config.HOURS.get()).toEqual(getPack("auto-detailing").config.HOURS);
    expect((await asStaff.config.all()).SITE.published).toBe(true);
    const staffSite = await failure(asStaff.config.SITE.update({ showPrices: false }));
    expect(staffSite.code).toBe("FORBIDDEN");
    expect(shapeOf(staffSite, "es").message).toBe("No tiene permiso para hacer eso.");
    expect((await failure(asStaff.config.HOURS.update(HOURS))).code).toBe("FORBIDDEN");
    expect((await failure(asStaff.config.reset({ node: "HOURS" }))).code).toBe("FORBIDDEN");

    expect(await asManager.config.HOURS.update(HOURS)).toEqual(HOURS);
    expect((await asManager.config.SITE.update({ showPrices: false })).showPrices).toBe(false);
    expect((await failure(asManager.config.PHONE.update({ ringSeconds: 30 }))).code).toBe("FORBIDDEN");
    expect((await failure(asManager.config.BILLING.update({ plan: "PRO" }))).code).toBe("FORBIDDEN");
    expect((await failure(asManager.config.reset({ node: "EMAIL" }))).code).toBe("FORBIDDEN"); // EMAIL is the owner's

    expect((await asOwner.config.PHONE.update({ ringSeconds: 30 })).ringSeconds).toBe(30);
    expect((await asOwner.config.BILLING.update({ plan: "PRO" })).plan).toBe("PRO");

    const stored = await withTenant(t.id, (db) =>
      db.configOverride.findMany({ where: { node: { in: ["PHONE", "BILLING", "SITE"] } }, select: { node: true, updatedByUserId: true } }),
    );
    expect(stored.sort((a, b) => a.node.localeCompare(b.node))).toEqual([
      { node: "BILLING", updatedByUserId: t.owner.id },
      { node: "PHONE", updatedByUserId: t.owner.id },
      { node: "SITE", updatedByUserId: manager.user.id },
    ]);
  });

  it("each write adds an audit_log row and a config/changed event with a growing version", async () => {
    const t = await createTestTenant();
    const caller = callerFor(t.owner, t.id);
    await caller.config.HOURS.update(HOURS); // onboarding wrote version 1
    await caller.config.HOURS.update({ weekly: { ...HOURS.weekly, sat: [{ open: "09:00", close: "12:00" }] } });
    await caller.config.reset({ node: "HOURS" });
    await caller.config.HOURS.update(HOURS);
    await caller.config.reset({ node: "PHONE" }); // nothing to reset: no audit, no event

    const { audit, events } = await withTenant(t.id, async (db) => ({
      audit: await db.auditEntry.findMany({
        where: { targetType: "config", targetId: "HOURS" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
      events: await db.outboxEvent.findMany({ where: { name: "config/changed" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    }));
    expect(audit.map((a) => [a.action, (a.data as { version?: number }).version ?? null, a.actorUserId])).toEqual([
      ["config.updated", 1, t.owner.id],
      ["config.updated", 2, t.owner.id],
      ["config.updated", 3, t.owner.id],
      ["config.reset", null, t.owner.id],
      ["config.updated", 1, t.owner.id],
    ]);
    const hoursEvents = events
      .map((e) => e.data as { node: string; version: number; changedByUserId: string | null; tenantId: string })
      .filter((d) => d.node === "HOURS");
    expect(hoursEvents.map((d) => d.version)).toEqual([1, 2, 3, 0, 1]);
    expect(hoursEvents.every((d) => d.tenantId === t.id && d.changedByUserId === t.owner.id)).toBe(true);
    expect(events.filter((e) => (e.data as { node: string }).node === "PHONE")).toEqual([]);
    expect((await withTenant(t.id, (db) => db.configOverride.findFirstOrThrow({ where: { node: "HOURS" } }))).version).toBe(1);
  });
});
