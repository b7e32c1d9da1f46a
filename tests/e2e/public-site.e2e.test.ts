import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { formatCents } from "#server/money/money";
import { CLEANMACHINE_DEMO } from "../../server/packs/demo/cleanmachine";
import { getPack } from "../../server/packs";
import {
  checkA11y,
  hostUrl,
  type Locale,
  newPage,
  normalizeSpace,
  tr,
  uniqueSuffix,
  url,
  sharedBrowser,
  waitForHydration,
} from "./support/app";

/**
 * The public site of the seeded demo business, by path (/s/<slug>) and by subdomain
 * (<slug>.localhost), in both languages; unknown sites are a friendly 404 (never 401/500).
 */
const DEMO = CLEANMACHINE_DEMO;
const demoService = getPack(DEMO.packKey).services[0];

const browser = sharedBrowser();

async function goto(page: Page, target: string, status: number) {
  const res = await page.goto(target);
  expect(res?.status(), `GET ${target}`).toBe(status);
  await waitForHydration(page);
}

async function expectDemoSite(page: Page, lng: Locale) {
  expect(await page.evaluate(() => document.documentElement.lang), "document language").toBe(lng);
  expect(await page.title()).toBe(DEMO.name);
  expect(normalizeSpace(await page.locator("body > div > header").first().textContent())).toContain(DEMO.name);
  for (const key of ["site:services", "site:about", "site:hours", "site:contact"]) {
    await page.getByRole("heading", { name: tr(lng, key), exact: true, level: 2 }).waitFor();
  }
  const card = page.locator("main li").filter({ has: page.getByRole("heading", { name: demoService.name[lng], exact: true, level: 3 }) });
  expect(await card.count(), `service "${demoService.name[lng]}"`).toBe(1);
  expect(normalizeSpace(await card.textContent())).toContain(normalizeSpace(formatCents(demoService.priceCents, lng)));
  // Days of the week in the page's language.
  expect(normalizeSpace(await page.locator("main table").textContent())).toContain(tr(lng, "common:days.mon"));
}

async function expectNotFound(page: Page, lng: Locale) {
  await page.getByRole("heading", { name: tr(lng, "common:notFound.siteTitle"), exact: true, level: 1 }).waitFor();
  expect(normalizeSpace(await page.getByRole("main").textContent())).toContain(tr(lng, "common:notFound.siteBody"));
}

describe("public site", () => {
  test("the demo site renders in English (browser language)", async () => {
    const page = await newPage(browser(), { locale: "en", viewport: "desktop" });
    await goto(page, url(`/s/${DEMO.slug}`), 200);
    await expectDemoSite(page, "en");
    await checkA11y(page, "en: demo public site");
  });

  test("the demo site renders in Spanish with ?lng=es, and remembers the choice", async () => {
    const page = await newPage(browser(), { locale: "en", viewport: "phone" });
    await goto(page, url(`/s/${DEMO.slug}?lng=es`), 200);
    await expectDemoSite(page, "es");
    await checkA11y(page, "es: demo public site (phone)");
    // ?lng= is a choice: the next visit, without it, stays Spanish in this English browser.
    await goto(page, url(`/s/${DEMO.slug}`), 200);
    await expectDemoSite(page, "es");
  });

  test("an unknown site is a friendly 404 (not 401/500)", async () => {
    const page = await newPage(browser(), { locale: "es", viewport: "phone" });
    await goto(page, url(`/s/no-such-business-${uniqueSuffix()}`), 404);
    await expectNotFound(page, "es");
    await checkA11y(page, "es: unknown site 404");
  });

  test("the subdomain form: the server answers <slug>.localhost with the demo site, an unknown one with a 404", async () => {
    const page = await newPage(browser(), { locale: "en", viewport: "desktop" });
    // Chromium resolves every *.localhost name to the loopback address.
    const site = hostUrl(`${DEMO.slug}.localhost`);
    const res = await page.goto(site);
    expect(res?.status(), `GET ${site}`).toBe(200);
    expect(new URL(page.url()).hostname).toBe(`${DEMO.slug}.localhost`);
    // The HTML the server sent (client-side rendering breaks it afterwards: see the KNOWN BUG tests).
    const html = await res!.text();
    expect(html).toContain(`<title>${DEMO.name}</title>`);
    expect(html).toContain(`>${tr("en", "site:services")}</h2>`);
    expect(html).toContain(demoService.name.en);

    const unknown = hostUrl(`unknown-${uniqueSuffix()}.localhost`);
    const missing = await page.goto(unknown);
    expect(missing?.status(), `GET ${unknown}: a friendly 404, not 401/500`).toBe(404);
    const notFoundHtml = await missing!.text();
    expect(notFoundHtml).toContain(tr("en", "common:notFound.siteTitle").replace("'", "&#x27;"));
  });

  /**
   * Regression: tenant hosts used to be served by rewriting the path to /s/<slug>, and the
   * browser's router (which sees "/") then hydrated the landing page and crashed. Tenant
   * hosts are now marked, not rewritten (server/http/site-host.ts).
   */
  test("the subdomain site still shows the business once the page is hydrated", async () => {
    const page = await newPage(browser(), { locale: "en", viewport: "desktop" });
    await goto(page, hostUrl(`${DEMO.slug}.localhost`), 200);
    await page.waitForLoadState("networkidle");
    await expectDemoSite(page, "en");
  });

  test("an unknown subdomain still shows the friendly 404 once the page is hydrated", async () => {
    const page = await newPage(browser(), { locale: "en", viewport: "desktop" });
    await goto(page, hostUrl(`unknown-${uniqueSuffix()}.localhost`), 404);
    await page.waitForLoadState("networkidle");
    expect(await page.getByRole("heading", { name: tr("en", "common:notFound.siteTitle"), exact: true, level: 1 }).count()).toBe(1);
  });
});
