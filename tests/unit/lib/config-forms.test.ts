import { describe, expect, it } from "vitest";
import { CONFIG_NODE_SCHEMAS } from "#server/config/schemas";
import { PLATFORM_CONFIG_DEFAULTS } from "#server/config/defaults";
import { mergeLayer } from "#server/config/layering";
import { formToPatch, NODE_FORMS, normalizePhone } from "~/lib/config-forms";

function form(entries: Array<[string, string]>) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("config forms", () => {
  it("turns the phone form into a valid PHONE patch with E.164 numbers", () => {
    const patch = formToPatch(
      "PHONE",
      form([
        ["number", "(512) 555-0142"],
        ["mode", "AI_FIRST"],
        ["ringTargets.name", "Maria"],
        ["ringTargets.phone", "512-555-0143"],
        ["ringTargets.name", ""],
        ["ringTargets.phone", ""],
        ["ringStrategy", "SEQUENTIAL"],
        ["ringSeconds", "25"],
        ["alwaysTextAndNotify", "on"],
        ["missedCallTextBack", "off"],
        ["bilingualMenu", "on"],
        ["pronunciations.written", "Tacoma"],
        ["pronunciations.spoken", "tah-KOH-mah"],
      ]),
    );
    expect(patch).toMatchObject({
      number: "+15125550142",
      ringTargets: [{ name: "Maria", phone: "+15125550143" }],
      ringSeconds: 25,
      missedCallTextBack: false,
      bilingualMenu: true,
    });
    expect(CONFIG_NODE_SCHEMAS.PHONE.safeParse(mergeLayer(PLATFORM_CONFIG_DEFAULTS.PHONE, patch)).success).toBe(true);
  });

  it("keeps an unparseable phone number as typed so the schema rejects it with a clear error", () => {
    expect(normalizePhone("call me")).toBe("call me");
    const patch = formToPatch("SITE", form([["contactPhone", "12"]]));
    expect(CONFIG_NODE_SCHEMAS.SITE.safeParse(mergeLayer(PLATFORM_CONFIG_DEFAULTS.SITE, patch)).success).toBe(false);
  });

  it("reads weekly hours: closed days are empty, open days one range", () => {
    const patch = formToPatch(
      "HOURS",
      form([
        ["weekly.mon.open", "on"],
        ["weekly.mon.from", "08:00"],
        ["weekly.mon.to", "17:30"],
      ]),
    );
    expect((patch.weekly as Record<string, unknown>).mon).toEqual([{ open: "08:00", close: "17:30" }]);
    expect((patch.weekly as Record<string, unknown>).sun).toEqual([]);
  });

  it("every spec path exists in its node's defaults", () => {
    for (const [node, spec] of Object.entries(NODE_FORMS)) {
      for (const f of spec.fields) {
        const value = f.path
          .split(".")
          .reduce<unknown>(
            (o, k) => (o as Record<string, unknown>)?.[k],
            PLATFORM_CONFIG_DEFAULTS[node as keyof typeof PLATFORM_CONFIG_DEFAULTS],
          );
        expect(value, `${node}.${f.path}`).not.toBeUndefined();
      }
    }
  });
});
