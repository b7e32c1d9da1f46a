import { formatPhone, normalizePhone as normalizeCustomerPhone } from "#server/customers/phone";
import { TEXT_LIMITS } from "#server/validation/limits";

/**
 * One form per config node, described as data: the route renders the fields and turns the
 * posted form back into a partial of the node. The server validates the result with the
 * node's zod schema, so this only shapes input; it never decides what is valid.
 */
export type FieldSpec = FieldKind & {
  /** "advanced": shown in Advanced mode only; Simple mode keeps its stored (by default the recommended) value. */
  level?: Level;
};

/** Who sees a field or a configurator: everyone (simple) or Advanced mode only. */
export type Level = "simple" | "advanced";

/** The dashboard mode a person chose (stored on their profile). */
export type DashboardMode = "SIMPLE" | "ADVANCED";

type FieldKind =
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
  /** "advanced": the whole configurator is hidden in Simple mode (its settings stay as stored). */
  level?: Level;
  /** Panels of the page beside the form (their own forms), with their level. */
  panels?: Array<{ key: PanelKey; level?: Level }>;
}

export type PanelKey = "smtp" | "customDomains";

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
      { kind: "select", path: "ringStrategy", options: ["SEQUENTIAL", "SIMULTANEOUS"], level: "advanced" },
      { kind: "number", path: "ringSeconds", min: 5, max: 60, hint: true },
      { kind: "boolean", path: "alwaysTextAndNotify", hint: true, level: "advanced" },
      { kind: "boolean", path: "missedCallTextBack", hint: true },
      { kind: "boolean", path: "bilingualMenu", hint: true, level: "advanced" },
      {
        kind: "rows",
        path: "pronunciations",
        columns: [
          { key: "written", type: "text", maxLength: TEXT_LIMITS.pronunciationWritten },
          { key: "spoken", type: "text", maxLength: TEXT_LIMITS.pronunciationSpoken },
        ],
        max: 100,
        level: "advanced",
      },
    ],
  },
  // Simple mode: the owner is told about bookings by email with the recommended wording.
  EMAIL: {
    level: "advanced",
    panels: [{ key: "smtp", level: "advanced" }],
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
    level: "advanced",
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
    level: "advanced",
    readOnly: true,
    notYet: true,
    fields: [{ kind: "select", path: "plan", options: ["TRIAL", "STARTER", "GROWTH", "PRO"], labelPrefix: "dashboard:plans" }],
  },
  SITE: {
    panels: [{ key: "customDomains", level: "advanced" }],
    fields: [
      { kind: "boolean", path: "published", hint: true },
      { kind: "localized", path: "headline" },
      { kind: "localized", path: "tagline" },
      { kind: "localized", path: "about", multiline: true },
      { kind: "text", path: "primaryColor", inputType: "color" },
      { kind: "boolean", path: "showPrices" },
      { kind: "checklist", path: "blocks", options: SITE_BLOCKS, level: "advanced" },
      { kind: "phone", path: "contactPhone", nullable: true },
      { kind: "text", path: "contactEmail", inputType: "email", nullable: true, maxLength: TEXT_LIMITS.email },
      { kind: "localized", path: "serviceAreaNote", hint: true, nullable: true, level: "advanced" },
    ],
  },
  HOURS: { fields: [{ kind: "weeklyHours", path: "weekly" }] },
  BOOKING: {
    fields: [
      { kind: "number", path: "slotIntervalMinutes", min: 5, max: 240, hint: true, level: "advanced" },
      { kind: "number", path: "travelMinutes", min: 0, max: 240, hint: true },
      { kind: "number", path: "bufferMinutes", min: 0, max: 240, hint: true, level: "advanced" },
      { kind: "number", path: "minNoticeMinutes", min: 0, max: 20160, hint: true },
      { kind: "number", path: "horizonDays", min: 1, max: 365, hint: true, level: "advanced" },
      { kind: "number", path: "holdMinutes", min: 1, max: 30, hint: true, level: "advanced" },
      { kind: "boolean", path: "requireConfirmation", hint: true },
      { kind: "number", path: "changeCutoffHours", min: 0, max: 336, hint: true, level: "advanced" },
      { kind: "boolean", path: "reminders.enabled", hint: true },
      { kind: "text", path: "quietHours.start", inputType: "time", hint: true, level: "advanced" },
      { kind: "text", path: "quietHours.end", inputType: "time", level: "advanced" },
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
      { kind: "number", path: "welcomeBonusPoints", min: 0, max: 100000, level: "advanced" },
      { kind: "number", path: "rewardThresholdPoints", min: 1, max: 1000000 },
      { kind: "localized", path: "rewardDescription" },
    ],
  },
};

/** Whether something of `level` is shown in `mode`: Advanced shows everything. */
export function shownIn(mode: DashboardMode, level: Level | undefined): boolean {
  return mode === "ADVANCED" || level !== "advanced";
}

/** The fields of a node's form that `mode` shows (none of an advanced configurator in Simple mode). */
export function visibleFields(node: NodeKey, mode: DashboardMode): FieldSpec[] {
  const form = NODE_FORMS[node];
  if (!shownIn(mode, form.level)) return [];
  return form.fields.filter((f) => shownIn(mode, f.level));
}

/** The panels beside a node's form that `mode` shows. */
export function visiblePanels(node: NodeKey, mode: DashboardMode): PanelKey[] {
  const form = NODE_FORMS[node];
  if (!shownIn(mode, form.level)) return [];
  return (form.panels ?? []).filter((p) => shownIn(mode, p.level)).map((p) => p.key);
}

/**
 * What `mode` hides on a node's page, for the line that says so: how many options, and how
 * many of them hold something other than the recommended value (kept as stored, never reset).
 * `panelsInUse` says which hidden panels hold something (an SMTP server, a custom domain).
 */
export function hiddenOptions(
  node: NodeKey,
  mode: DashboardMode,
  value: unknown,
  recommended: unknown,
  panelsInUse: Partial<Record<PanelKey, boolean>> = {},
): { count: number; changed: number } {
  const shown = new Set(visibleFields(node, mode));
  const fields = NODE_FORMS[node].fields.filter((f) => !shown.has(f));
  const shownPanels = new Set(visiblePanels(node, mode));
  const panels = (NODE_FORMS[node].panels ?? []).filter((p) => !shownPanels.has(p.key));
  const changed =
    fields.filter((f) => !sameValue(getPath(value, f.path), getPath(recommended, f.path))).length +
    panels.filter((p) => panelsInUse[p.key]).length;
  return { count: fields.length + panels.length, changed };
}

/**
 * "Reset to default" in `mode`: null resets the whole node (Advanced); in Simple mode a patch
 * that puts back the recommended value of the shown fields only, so hidden ones stay as stored.
 */
export function resetPatch(node: NodeKey, mode: DashboardMode, recommended: unknown): Record<string, unknown> | null {
  if (mode === "ADVANCED") return null;
  const patch: Record<string, unknown> = {};
  for (const f of visibleFields(node, mode)) setPath(patch, f.path, getPath(recommended, f.path));
  return patch;
}

/** The hidden input that says which mode a form was shown in, so its post changes only what it showed. */
export const FORM_MODE_FIELD = "formMode";

/** The mode a posted form was shown in; `fallback` (the person's mode now) when it does not say. */
export function postedMode(form: FormData, fallback: DashboardMode): DashboardMode {
  const v = form.get(FORM_MODE_FIELD);
  return v === "SIMPLE" || v === "ADVANCED" ? v : fallback;
}

function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}

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

/**
 * Turns a posted form into a partial of the node, shaped by its spec: only the fields the form
 * showed in `mode`, so a Simple-mode save never touches (or resets) a hidden setting.
 */
export function formToPatch(node: NodeKey, form: FormData, mode: DashboardMode = "ADVANCED"): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const str = (name: string) => String(form.get(name) ?? "");
  for (const f of visibleFields(node, mode)) {
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
