import type { DashboardMode } from "../db/generated/prisma/enums";

/** The signed-in person, as every request sees them. Safe to send to the browser. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string | null;
  dashboardMode: DashboardMode;
  isPlatformAdmin: boolean;
  lastTenantId: string | null;
}

export const SESSION_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  locale: true,
  dashboardMode: true,
  isPlatformAdmin: true,
  lastTenantId: true,
} as const;
