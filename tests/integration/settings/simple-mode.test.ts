import { beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../../app/routes/dashboard.settings.$node";
import { sessionStorage } from "../../../server/auth/session.server";
import { readConfig, readRecommendedConfig, writeConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { updateUserPreferences } from "../../../server/users/users.server";
import { createTestTenant, type TestTenant } from "../../helpers/factories";

/**
 * Simple mode through the settings route (app/routes/dashboard.settings.$node.tsx), per
 * configurator page: what the loader shows in each mode, the line about hidden options, and
 * that a Simple-mode save or reset never changes a hidden setting.
 */
let t: TestTenant;
let cookie = "";

beforeAll(async () => {
  t = await createTestTenant();
  const session = await sessionStorage().getSession();
  session.set("userId", t.owner.id);
  cookie = (await sessionStorage().commitSession(session)).split(";")[0]!;
});

const setMode = (mode: "SIMPLE" | "ADVANCED") => updateUserPreferences(t.owner.id, { dashboardMode: mode });

async function load(slug: string) {
  const request = new Request(`http://localhost/dashboard/settings/${slug}`, { headers: { cookie } });
  return (await loader({ request, params: { node: slug }, context: {} })) as Awaited<ReturnType<typeof loader>>;
}

async function post(slug: string, fields: Array<[string, string]>) {
  const body = new URLSearchParams(fields);
  const request = new Request(`http://localhost/dashboard/settings/${slug}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  const res = (await action({ request, params: { node: slug }, context: {} })) as unknown as { data: { ok: boolean } };
  return res.data;
}

const PAGES = [
  // slug, fields shown in Simple, fields hidden in Simple (of those in Advanced)
  ["hours", 1, 0],
  ["booking", 8, 7],
  ["site", 8, 3], // two fields and the custom domains
  ["loyalty", 4, 1],
  ["email", 0, 8], // seven fields and the SMTP server
  ["ai", 0, 5],
  ["billing", 0, 1],
] as const;

describe("settings pages in Simple and Advanced mode", () => {
  it.each(PAGES)(
    "%s: Simple shows %i fields and says %i more keep recommended settings; Advanced shows all",
    async (slug, shown, hidden) => {
      await setMode("SIMPLE");
      const simple = await load(slug);
      expect(simple.mode).toBe("SIMPLE");
      expect(simple.fields).toHaveLength(shown);
      // Onboarding sets the sender name to the business name: the one change on a new business.
      expect(simple.hidden).toEqual({ count: hidden, changed: slug === "email" ? 1 : 0 });
      await setMode("ADVANCED");
      const advanced = await load(slug);
      expect(advanced.fields.length).toBeGreaterThanOrEqual(shown);
      expect(advanced.fields).toEqual(expect.arrayContaining([...simple.fields]));
      expect(advanced.hidden).toEqual({ count: 0, changed: 0 });
      if (hidden > 0) expect(advanced.fields.length + advanced.panels.length).toBeGreaterThan(simple.fields.length + simple.panels.length);
    },
  );

  it("site: custom domains are Advanced; the public addresses show in both modes", async () => {
    await setMode("SIMPLE");
    const simple = await load("site");
    expect(simple.panels).toEqual([]);
    expect(simple.addresses?.platformUrl).toContain(`/s/${t.slug}`);
    await setMode("ADVANCED");
    expect((await load("site")).panels).toEqual(["customDomains"]);
  });

  it("booking: a Simple-mode save keeps the hidden settings as they were, changed or not", async () => {
    await withTenant(t.id, (db) =>
      writeConfig(db, "BOOKING", { bufferMinutes: 45, quietHours: { start: "22:00", end: "07:30" } }, t.owner.id),
    );
    await setMode("SIMPLE");
    const before = await load("booking");
    // The buffer, the start and the end of quiet hours.
    expect(before.hidden).toEqual({ count: 7, changed: 3 });
    const saved = await post("booking", [
      ["formMode", "SIMPLE"],
      ["travelMinutes", "20"],
      ["minNoticeMinutes", "120"],
      ["serviceArea.mode", "NONE"],
      ["serviceArea.zips", ""],
      ["serviceArea.centerZip", ""],
      ["serviceArea.radiusMiles", "25"],
      // requireConfirmation and reminders.enabled are switched off (absent)
    ]);
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
    const after = await withTenant(t.id, (db) => readConfig(db, "BOOKING"));
    expect(after).toMatchObject({ travelMinutes: 20, minNoticeMinutes: 120, requireConfirmation: false, reminders: { enabled: false } });
    expect(after.bufferMinutes).toBe(45);
    expect(after.quietHours).toEqual({ start: "22:00", end: "07:30" });
    expect(after.slotIntervalMinutes).toBe(before.value.slotIntervalMinutes);
    expect(after.horizonDays).toBe(before.value.horizonDays);
  });

  it("booking: the Advanced form saves (reminders and the service area post without their unshown keys)", async () => {
    await setMode("ADVANCED");
    const page = await load("booking");
    const v = page.value as Record<string, never>;
    const saved = await post("booking", [
      ["formMode", "ADVANCED"],
      ...page.fields
        .filter((p) => !["requireConfirmation", "reminders.enabled", "serviceArea.zips"].includes(p))
        .map((p): [string, string] => [p, String(p.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], v) ?? "")]),
      ["reminders.enabled", "on"],
      ["serviceArea.zips", ""],
    ]);
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
    const after = await withTenant(t.id, (db) => readConfig(db, "BOOKING"));
    expect(after.reminders.enabled).toBe(true);
    expect(after.reminders.offsetsMinutes).toEqual((v.reminders as { offsetsMinutes: number[] }).offsetsMinutes);
  });

  it("a form shown in Simple mode changes only what it showed, even if the person switched to Advanced meanwhile", async () => {
    await setMode("SIMPLE");
    await withTenant(t.id, (db) => writeConfig(db, "LOYALTY", { welcomeBonusPoints: 250 }, t.owner.id));
    await setMode("ADVANCED");
    const saved = await post("loyalty", [
      ["formMode", "SIMPLE"],
      ["enabled", "on"],
      ["pointsPerDollar", "2"],
      ["rewardThresholdPoints", "500"],
      ["rewardDescription.en", "A free wash"],
      ["rewardDescription.es", "Un lavado gratis"],
    ]);
    expect(saved.ok).toBe(true);
    const after = await withTenant(t.id, (db) => readConfig(db, "LOYALTY"));
    expect(after).toMatchObject({ pointsPerDollar: 2, welcomeBonusPoints: 250 });
  });

  it("reset in Simple mode puts the shown fields back to the recommended values and keeps the hidden ones", async () => {
    await withTenant(t.id, (db) => writeConfig(db, "BOOKING", { travelMinutes: 55, bufferMinutes: 40 }, t.owner.id));
    await setMode("SIMPLE");
    const reset = await post("booking", [
      ["formMode", "SIMPLE"],
      ["intent", "reset"],
    ]);
    expect(reset, JSON.stringify(reset)).toMatchObject({ ok: true });
    const after = await withTenant(t.id, (db) => readConfig(db, "BOOKING"));
    const recommended = await withTenant(t.id, (db) => readRecommendedConfig(db, "BOOKING"));
    expect(after.bufferMinutes).toBe(40);
    expect(after.travelMinutes).toBe(recommended.travelMinutes);
    expect(recommended.travelMinutes).not.toBe(55);
  });

  it("an advanced page reached in Simple mode shows no form and changes nothing when posted", async () => {
    await withTenant(t.id, (db) => writeConfig(db, "EMAIL", { fromName: "Kept Sender" }, t.owner.id));
    await setMode("SIMPLE");
    const page = await load("email");
    expect(page.fields).toEqual([]);
    expect(page.hidden.changed).toBe(1);
    await post("email", [
      ["formMode", "SIMPLE"],
      ["fromName", "Other"],
    ]);
    expect((await withTenant(t.id, (db) => readConfig(db, "EMAIL"))).fromName).toBe("Kept Sender");
  });
});
