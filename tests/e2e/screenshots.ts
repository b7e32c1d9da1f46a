/**
 * `npm run screenshots`: captures every screen at phone and desktop sizes, in English and
 * Spanish, into tests/.artifacts/screens (for people to look at; not a test).
 * Needs a running server: BASE_URL (default http://localhost:3000).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "./support/browser";

const BASE = process.env.BASE_URL ?? "http://localhost:3000";
const OUT = path.resolve("tests/.artifacts/screens");
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 860 } } as const;
const only = process.argv.slice(2);

const PUBLIC = [
  "/",
  "/sign-in",
  "/sign-up",
  "/s/cleanmachine",
  "/s/cleanmachine/book",
  "/s/cleanmachine/booking/manage/not-a-valid-link",
  "/s/does-not-exist",
];
const OWNER = [
  "/dashboard",
  "#advanced",
  "/dashboard/schedule",
  "/dashboard/schedule?view=week",
  "/dashboard/services",
  "/dashboard/customers",
  "/dashboard/customers/new",
  "/dashboard/team",
  "/dashboard/settings",
  "/dashboard/settings/hours",
  "/dashboard/settings/site",
  "/dashboard/phone",
  "/dashboard/phone?tab=test",
  "/dashboard/settings/loyalty",
  "/dashboard/settings/ai",
  "/onboarding",
];
const ADMIN = ["/admin/tenants", "/admin/jobs"];

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${BASE}/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/sign-in")), page.click('main button[type="submit"]')]);
}

async function setMode(page: Page, mode: "SIMPLE" | "ADVANCED") {
  const res = await page.request.post(`${BASE}/api/trpc/me.updatePreferences`, {
    data: { dashboardMode: mode },
    headers: { origin: BASE },
  });
  if (!res.ok()) throw new Error(`mode switch failed: ${res.status()}`);
}

async function shoot(browser: Browser, lng: "en" | "es", size: keyof typeof SIZES, who: "public" | "owner" | "admin", paths: string[]) {
  const context = await browser.newContext({ viewport: SIZES[size], locale: lng === "es" ? "es-US" : "en-US", deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (who === "owner") await signIn(page, "owner@cleanmachine.demo", "cleanmachine-demo");
  if (who === "admin") await signIn(page, "admin@servicepro.demo", "cleanmachine-demo");
  for (const p of paths) {
    if (only.length && !only.some((o) => p.includes(o))) continue;
    if (p === "#advanced") {
      await setMode(page, "ADVANCED");
      await page.goto(`${BASE}/dashboard?lng=${lng}`);
      await page.screenshot({ path: path.join(OUT, `owner_dashboard-advanced-${size}-${lng}.png`), fullPage: true });
      await setMode(page, "SIMPLE");
      continue;
    }
    const url = new URL(p, BASE);
    url.searchParams.set("lng", lng);
    await page.goto(url.toString());
    await page.waitForLoadState("networkidle");
    const name = `${who}${p.replace(/[/?=]+/g, "_")}-${size}-${lng}.png`.replace(/_+/g, "_");
    await page.screenshot({ path: path.join(OUT, name), fullPage: process.env.FULL_PAGE !== "0" });
    console.log(name);
  }
  await context.close();
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const lng of ["en", "es"] as const)
  for (const size of ["phone", "desktop"] as const) {
    await shoot(browser, lng, size, "public", PUBLIC);
    await shoot(browser, lng, size, "owner", OWNER);
    await shoot(browser, lng, size, "admin", ADMIN);
  }
await browser.close();
