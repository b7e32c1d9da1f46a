import { NODE_FORMS, shownIn, type DashboardMode, type Level, type NodeKey } from "./config-forms";

/** One entry of the settings list: a config node's page, or a page of its own (`to`). */
export interface SettingsPage {
  slug: string;
  key: NodeKey | "CALENDAR";
  to?: string;
  level?: Level;
}

/** The settings list in its order. A config node's level is the one its form declares. */
export const SETTINGS_PAGES: SettingsPage[] = (
  [
    { slug: "hours", key: "HOURS" },
    { slug: "booking", key: "BOOKING" },
    // Not a config node: the Google Calendar connections have their own page.
    { slug: "calendar", key: "CALENDAR", to: "/dashboard/calendar" },
    { slug: "site", key: "SITE" },
    { slug: "phone", key: "PHONE" },
    { slug: "ai", key: "AI" },
    { slug: "loyalty", key: "LOYALTY" },
    { slug: "email", key: "EMAIL" },
    { slug: "billing", key: "BILLING" },
  ] satisfies SettingsPage[]
).map((p): SettingsPage => ({ ...p, level: p.key === "CALENDAR" ? "simple" : (NODE_FORMS[p.key].level ?? "simple") }));

/** The settings pages `mode` lists, and how many it leaves out. */
export function settingsPages(mode: DashboardMode): { pages: SettingsPage[]; hidden: number } {
  const pages = SETTINGS_PAGES.filter((p) => shownIn(mode, p.level));
  return { pages, hidden: SETTINGS_PAGES.length - pages.length };
}
