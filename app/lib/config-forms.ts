import { formatPhone, normalizePhone as normalizeCustomerPhone } from "#server/customers/phone";
import { TEXT_LIMITS } from "#server/validation/limits";

/**
 * One form per config node, described as data: the route renders the fields and turns the
 * posted form back into a partial of the node. The server validates the result with the
 * node's zod schema, so this only shapes input; it never decides what is valid.
 */
export type FieldSpec =
  | { kind: "boolean"; path: string; hint?: boolean }
  | { kind: "text"; path: string; hint?: boolean; inputType?: "text" | "email" | "color" | "time"; nullable?: boolean; maxLength?: number }
  | { kind: "phone"; path: string; hint?: boolean; nullable?: boolean }
  | { kind: "localized"; path: string; hint?: boolean; multiline?: boolean; nullable?: boolean }
  | { kind: "select"; path: string; options: string[]; labelPrefix?: string }
  | { kind: "number"; path: string; min: number; max: number; hint?: boolean }
  | { kind: "weeklyHours"; path: string }
  | { kind: "checklist"; path: string; options: readonly string[] }
  /** A list of US ZIP codes typed in one box (commas, spaces or new lines between them). */
  | { kind: "zipList"; path: string; hint?: boolean }
  | { kind: "rows"; path: string; columns: Array<{ key: string; type: "text" | "phone"; maxLength?: number }>; max: number };

export type NodeKey = "PHONE" | "EMAIL" | "AI" | "BILLING" | "SITE" | "HOURS" | "LOYALTY" | "BOOKING";

export const NODE_SLUGS: Record<string, NodeKey> = {
  phone: "PHONE",
  email: "EMAIL",
  ai: "AI",
  billing: "BILLING",
  site: "SITE",
  hours: "HOURS",
  loyalty: "LOYALTY",
  booking: "BOOKING",
};

// The sections the public page can show today (reviews and gallery arrive with Public Site v3).
const SITE_BLOCKS = ["hero", "services", "about", "faq", "hours", "contact", "loyalty"] as const;
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export interface NodeForm {
  fields: FieldSpec[];
  /** Editable now, but the module that uses it arrives in a later update. */
  notYet?: boolean;
  /** Read-only for everyone (e.g. the plan, which changes through billing). */
  readOnly?: boolean;
}

export const NODE_FORMS: Record<NodeKey, NodeForm> = {
  PHONE: {
    fields: [
      { kind: "phone", path: "number", hint: true, nullable: true },
      { kind: "select", path: "mode", options: ["AI_FIRST", "HUMAN_FIRST", "HYBRID"], labelPrefix: "dashboard:phoneModes" },
      {
        kind: "rows",
        path: "ringTargets",
        columns: [
          { key: "name", type: "text", maxLength: TEXT_LIMITS.ringTargetName },
          { key: "phone", type: "phone" },
        ],
        max: 10,
      },
      { kind: "select", path: "ringStrategy", options: ["SEQUENTIAL", "SIMULTANEOUS"] },
      { kind: "number", path: "ringSeconds", min: 5, max: 60, hint: true },
      { kind: "boolean", path: "alwaysTextAndNotify", hint: true },
      { kind: "boolean", path: "missedCallTextBack", hint: true },
      { kind: "boolean", path: "bilingualMenu", hint: true },
      {
        kind: "rows",
        path: "pronunciations",
        columns: [
          { key: "written", type: "text", maxLength: TEXT_LIMITS.pronunciationWritten },
          { key: "spoken", type: "text", maxLength: TEXT_LIMITS.pronunciationSpoken },
        ],
        max: 100,
      },
    ],
  },
  EMAIL: {
    fields: [
      { kind: "text", path: "fromName", hint: true, maxLength: TEXT_LIMITS.senderName },
      { kind: "text", path: "replyTo", inputType: "email", hint: true, nullable: true, maxLength: TEXT_LIMITS.email },
      { kind: "boolean", path: "notifyOwner.newBooking" },
      { kind: "boolean", path: "notifyOwner.cancellation" },
      { kind: "boolean", path: "notifyOwner.newMessage" },
      { kind: "select", path: "notifyChannel", options: ["EMAIL", "SMS", "BOTH"] },
      { kind: "phone", path: "notifySmsTo", hint: true, nullable: true },
    ],
  },
  AI: {
    notYet: true,
    fields: [
      { kind: "boolean", path: "enabled" },
      { kind: "select", path: "tone", options: ["FRIENDLY", "PROFESSIONAL", "PLAYFUL"] },
      { kind: "localized", path: "greeting", hint: true },
      { kind: "localized", path: "persona", hint: true, multiline: true },
      { kind: "boolean", path: "handoffToHumanWhenUnsure" },
    ],
  },
  BILLING: {
    readOnly: true,
    notYet: true,
    fields: [{ kind: "select", path: "plan", options: ["TRIAL", "STARTER", "GROWTH", "PRO"], labelPrefix: "dashboard:plans" }],
  },
  SITE: {
    fields: [
      { kind: "boolean", path: "published", hint: true },
      { kind: "localized", path: "headline" },
      { kind: "localized", path: "tagline" },
      { kind: "localized", path: "about", multiline: true },
      { kind: "text", path: "primaryColor", inputType: "color" },
      { kind: "boolean", path: "showPrices" },
      { kind: "checklist", path: "blocks", options: SITE_BLOCKS },
      { kind: "phone", path: "contactPhone", nullable: true },
      { kind: "text", path: "contactEmail", inputType: "email", nullable: true, maxLength: TEXT_LIMITS.email },
      { kind: "localized", path: "serviceAreaNote", hint: true, nullable: true },
    ],
  },
  HOURS: { fields: [{ kind: "weeklyHours", path: "weekly" }] },
  BOOKING: {
    fields: [
      { kind: "number", path: "slotIntervalMinutes", min: 5, max: 240, hint: true },
      { kind: "number", path: "travelMinutes", min: 0, max: 240, hint: true },
      { kind: "number", path: "bufferMinutes", min: 0, max: 240, hint: true },
      { kind: "number", path: "minNoticeMinutes", min: 0, max: 20160, hint: true },
      { kind: "number", path: "horizonDays", min: 1, max: 365, hint: true },
      { kind: "number", path: "holdMinutes", min: 1, max: 30, hint: true },
      { kind: "boolean", path: "requireConfirmation", hint: true },
      { kind: "number", path: "changeCutoffHours", min: 0, max: 336, hint: true },
      { kind: "boolean", path: "reminders.enabled", hint: true },
      { kind: "text", path: "quietHours.start", inputType: "time", hint: true },
      { kind: "text", path: "quietHours.end", inputType: "time" },
      { kind: "select", path: "serviceArea.mode", options: ["NONE", "ZIPS", "RADIUS"] },
      { kind: "zipList", path: "serviceArea.zips", hint: true },
      { kind: "text", path: "serviceArea.centerZip", hint: true, nullable: true },
      { kind: "number", path: "serviceArea.radiusMiles", min: 1, max: 500 },
    ],
  },
  LOYALTY: {
    notYet: true,
    fields: [
      { kind: "boolean", path: "enabled" },
      { kind: "number", path: "pointsPerDollar", min: 0, max: 100 },
      { kind: "number", path: "welcomeBonusPoints", min: 0, max: 100000 },
      { kind: "number", path: "rewardThresholdPoints", min: 1, max: 1000000 },
      { kind: "localized", path: "rewardDescription" },
    ],
  },
};

export function getPath(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
}

/** How a stored E.164 number is shown for editing: national format for US numbers, international otherwise. */
export const displayPhone = (e164: string | null | undefined): string => formatPhone(e164);

/** A phone number as typed -> E.164 (the customers' rules), or the raw text when it can't be parsed (the schema then rejects it). */
export function normalizePhone(raw: string): string {
  return normalizeCustomerPhone(raw) ?? raw.trim();
}

/** "78701, 78702\n78703-1234" -> ["78701", "78702", "78703"]; anything that is not a ZIP is kept as typed so the schema names it. */
export function parseZipList(raw: string): string[] {
  const items = raw
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);
  return [...new Set(items.map((x) => /^(\d{5})(?:-?\d{4})?$/.exec(x)?.[1] ?? x))];
}

/** Turns a posted form into a partial of the node, shaped by its spec. */
export function formToPatch(node: NodeKey, form: FormData): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const str = (name: string) => String(form.get(name) ?? "");
  for (const f of NODE_FORMS[node].fields) {
    switch (f.kind) {
      case "boolean":
        setPath(patch, f.path, form.getAll(f.path).includes("on"));
        break;
      case "text": {
        const v = str(f.path).trim();
        setPath(patch, f.path, f.nullable && v === "" ? null : v);
        break;
      }
      case "phone": {
        const v = str(f.path).trim();
        setPath(patch, f.path, f.nullable && v === "" ? null : normalizePhone(v));
        break;
      }
      case "localized": {
        const en = str(`${f.path}.en`).trim();
        const es = str(`${f.path}.es`).trim();
        setPath(patch, f.path, f.nullable && en === "" && es === "" ? null : { en, es });
        break;
      }
      case "select":
        setPath(patch, f.path, str(f.path));
        break;
      case "number":
        setPath(patch, f.path, str(f.path) === "" ? NaN : Number(str(f.path)));
        break;
      case "checklist":
        setPath(
          patch,
          f.path,
          f.options.filter((o) => form.getAll(f.path).includes(o)),
        );
        break;
      case "zipList":
        setPath(patch, f.path, parseZipList(str(f.path)));
        break;
      case "weeklyHours":
        setPath(
          patch,
          f.path,
          Object.fromEntries(
            DAYS.map((d) => [
              d,
              form.getAll(`${f.path}.${d}.open`).includes("on")
                ? [{ open: str(`${f.path}.${d}.from`), close: str(`${f.path}.${d}.to`) }]
                : [],
            ]),
          ),
        );
        break;
      case "rows": {
        const columns = f.columns.map((c) => form.getAll(`${f.path}.${c.key}`).map(String));
        const rows = (columns[0] ?? []).map((_, i) =>
          Object.fromEntries(
            f.columns.map((c, j) => [c.key, c.type === "phone" ? normalizePhone(columns[j][i] ?? "") : (columns[j][i] ?? "").trim()]),
          ),
        );
        setPath(patch, f.path, rows.filter((r) => Object.values(r).some((v) => v !== "")).slice(0, f.max));
        break;
      }
    }
  }
  return patch;
}
