import type { MemberRole } from "../db/generated/prisma/enums";
import type { TConfigNodeKey } from "../config/schemas";

/**
 * What each role may do. One table drives the procedures' checks and the team page's
 * "who can do what" view, so the two never disagree.
 */
export const ROLES = ["OWNER", "MANAGER", "STAFF"] as const satisfies readonly MemberRole[];
export type TRole = (typeof ROLES)[number];

const RANK: Record<TRole, number> = { STAFF: 1, MANAGER: 2, OWNER: 3 };

export function roleAtLeast(role: TRole, min: TRole): boolean {
  return RANK[role] >= RANK[min];
}

export const CAPABILITIES = {
  "dashboard.view": "STAFF",
  "customers.view": "STAFF",
  "schedule.view": "STAFF",
  "inbox.reply": "STAFF",
  "customers.manage": "MANAGER",
  "services.manage": "MANAGER",
  "hours.manage": "MANAGER",
  "site.manage": "MANAGER",
  "loyalty.manage": "MANAGER",
  "ai.manage": "MANAGER",
  "team.inviteStaff": "MANAGER",
  "phone.manage": "OWNER",
  "email.manage": "OWNER",
  "billing.manage": "OWNER",
  "team.manage": "OWNER",
  "business.manage": "OWNER",
} as const satisfies Record<string, TRole>;

export type TCapability = keyof typeof CAPABILITIES;
export const CAPABILITY_KEYS = Object.keys(CAPABILITIES) as TCapability[];

export function can(role: TRole, capability: TCapability): boolean {
  return roleAtLeast(role, CAPABILITIES[capability]);
}

/** Which capability changing a config node needs. */
export const CONFIG_WRITE_CAPABILITY: Record<TConfigNodeKey, TCapability> = {
  PHONE: "phone.manage",
  EMAIL: "email.manage",
  AI: "ai.manage",
  BILLING: "billing.manage",
  SITE: "site.manage",
  HOURS: "hours.manage",
  LOYALTY: "loyalty.manage",
  BOOKING: "hours.manage",
};

/** The roles a member of `role` may invite or assign. */
export function assignableRoles(role: TRole): TRole[] {
  if (can(role, "team.manage")) return ["OWNER", "MANAGER", "STAFF"];
  if (can(role, "team.inviteStaff")) return ["STAFF"];
  return [];
}
