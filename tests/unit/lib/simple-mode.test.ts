import { describe, expect, it } from "vitest";
import { PLATFORM_CONFIG_DEFAULTS } from "#server/config/defaults";
import { formToPatch, hiddenOptions, NODE_FORMS, resetPatch, visibleFields, visiblePanels, type NodeKey } from "~/lib/config-forms";
import { settingsPages } from "~/lib/settings-pages";

/**
 * Simple mode on the form definitions: each configurator shows the essentials in Simple mode
 * and everything in Advanced; a Simple-mode post never carries (so never resets) a hidden field.
 */
const SIMPLE_FIELDS: Record<NodeKey, string[]> = {
  PHONE: ["number", "mode", "ringTargets", "ringSeconds", "missedCallTextBack"],
  EMAIL: [],
  AI: [],
  BILLING: [],
  SITE: ["published", "headline", "tagline", "about", "primaryColor", "showPrices", "contactPhone", "contactEmail"],
  HOURS: ["weekly"],
  BOOKING: [
    "travelMinutes",
    "minNoticeMinutes",
    "requireConfirmation",
    "reminders.enabled",
    "serviceArea.mode",
    "serviceArea.zips",
    "serviceArea.centerZip",
    "serviceArea.radiusMiles",
  ],
  LOYALTY: ["enabled", "pointsPerDollar", "rewardThresholdPoints", "rewardDescription"],
};

const NODES = Object.keys(NODE_FORMS) as NodeKey[];

function form(entries: Array<[string, string]>) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("Simple mode on each configurator's form", () => {
  it.each(NODES)("%s: Simple shows its essentials only, Advanced every field", (node) => {
    expect(visibleFields(node, "SIMPLE").map((f) => f.path)).toEqual(SIMPLE_FIELDS[node]);
    expect(visibleFields(node, "ADVANCED")).toEqual(NODE_FORMS[node].fields);
  });

  it.each(NODES)("%s: a Simple-mode post has no hidden field in its patch", (node) => {
    // Every field posted (booleans off, i.e. absent): in Advanced that turns them off.
    const entries = NODE_FORMS[node].fields.map((f): [string, string] => [f.path, ""]);
    const simple = JSON.stringify(formToPatch(node, form(entries), "SIMPLE"));
    const advanced = JSON.stringify(formToPatch(node, form(entries), "ADVANCED"));
    const hidden = NODE_FORMS[node].fields.filter((f) => !SIMPLE_FIELDS[node].includes(f.path));
    for (const f of hidden) {
      const leaf = f.path.split(".").at(-1)!;
      // Leaf names are unique within a node, so their absence from the JSON proves the path is absent.
      expect(simple).not.toContain(`"${leaf}"`);
      expect(advanced).toContain(`"${leaf}"`);
    }
  });

  it("a hidden switch that is on stays on after a Simple-mode save of the phone page", () => {
    const patch = formToPatch(
      "PHONE",
      form([
        ["number", ""],
        ["mode", "HYBRID"],
        ["ringSeconds", "20"],
      ]),
      "SIMPLE",
    );
    expect(patch).not.toHaveProperty("bilingualMenu");
    expect(patch).not.toHaveProperty("alwaysTextAndNotify");
    expect(patch).not.toHaveProperty("pronunciations");
    expect(patch).toMatchObject({ mode: "HYBRID", ringSeconds: 20, missedCallTextBack: false });
  });

  it("counts what Simple mode hides and how many of those were changed from the recommended value", () => {
    const recommended = PLATFORM_CONFIG_DEFAULTS.BOOKING;
    expect(hiddenOptions("BOOKING", "SIMPLE", recommended, recommended)).toEqual({ count: 7, changed: 0 });
    const changed = { ...recommended, bufferMinutes: recommended.bufferMinutes + 15, travelMinutes: 99 };
    // travelMinutes is shown, so only the buffer counts as a hidden change.
    expect(hiddenOptions("BOOKING", "SIMPLE", changed, recommended)).toEqual({ count: 7, changed: 1 });
    expect(hiddenOptions("BOOKING", "ADVANCED", changed, recommended)).toEqual({ count: 0, changed: 0 });
    expect(hiddenOptions("PHONE", "SIMPLE", PLATFORM_CONFIG_DEFAULTS.PHONE, PLATFORM_CONFIG_DEFAULTS.PHONE).count).toBe(4);
    expect(hiddenOptions("HOURS", "SIMPLE", PLATFORM_CONFIG_DEFAULTS.HOURS, PLATFORM_CONFIG_DEFAULTS.HOURS).count).toBe(0);
    // A whole advanced configurator: its fields and its panels.
    expect(hiddenOptions("EMAIL", "SIMPLE", PLATFORM_CONFIG_DEFAULTS.EMAIL, PLATFORM_CONFIG_DEFAULTS.EMAIL, { smtp: true })).toEqual({
      count: NODE_FORMS.EMAIL.fields.length + 1,
      changed: 1,
    });
  });

  it("panels: custom domains and the SMTP server are Advanced", () => {
    expect(visiblePanels("SITE", "SIMPLE")).toEqual([]);
    expect(visiblePanels("SITE", "ADVANCED")).toEqual(["customDomains"]);
    expect(visiblePanels("EMAIL", "SIMPLE")).toEqual([]);
    expect(visiblePanels("EMAIL", "ADVANCED")).toEqual(["smtp"]);
  });

  it("reset in Simple mode puts back the shown fields only; in Advanced it resets the node", () => {
    const recommended = PLATFORM_CONFIG_DEFAULTS.BOOKING;
    const patch = resetPatch("BOOKING", "SIMPLE", recommended)!;
    expect(patch).toMatchObject({ travelMinutes: recommended.travelMinutes, minNoticeMinutes: recommended.minNoticeMinutes });
    expect(patch).not.toHaveProperty("bufferMinutes");
    expect(patch).not.toHaveProperty("quietHours");
    expect(resetPatch("BOOKING", "ADVANCED", recommended)).toBeNull();
  });
});

describe("Simple mode on the settings list", () => {
  it("lists the essential pages in Simple mode and says how many more Advanced has", () => {
    const simple = settingsPages("SIMPLE");
    expect(simple.pages.map((p) => p.key)).toEqual(["HOURS", "BOOKING", "CALENDAR", "SITE", "PHONE", "LOYALTY"]);
    expect(simple.hidden).toBe(3);
    const advanced = settingsPages("ADVANCED");
    expect(advanced.pages.map((p) => p.key)).toEqual([
      "HOURS",
      "BOOKING",
      "CALENDAR",
      "SITE",
      "PHONE",
      "AI",
      "LOYALTY",
      "EMAIL",
      "BILLING",
    ]);
    expect(advanced.hidden).toBe(0);
  });
});
