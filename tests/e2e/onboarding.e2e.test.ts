import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { formatCents } from "#server/money/money";
import {
  baseUrl,
  checkA11y,
  type Locale,
  newPage,
  normalizeSpace,
  open,
  tr,
  uniqueSuffix,
  url,
  sharedBrowser,
  type ViewportKind,
  waitForHydration,
} from "./support/app";

/**
 * The owner's first ten minutes: sign up, set the business up in the wizard, land on the
 * dashboard (Simple, then Advanced and back), and see the public page. Once in English on a
 * desktop and once in Spanish on a phone, where Spanish must come from the browser's
 * language alone (the language switcher is never touched).
 */
interface Journey {
  title: string;
  locale: Locale;
  viewport: ViewportKind;
  pack: string;
  /** What the owner types as the first service's new price, and what it means. */
  price: string;
  cents: number;
}

const JOURNEYS: Journey[] = [
  { title: "English, desktop, house cleaning", locale: "en", viewport: "desktop", pack: "house-cleaning", price: "123.45", cents: 12_345 },
  // A Spanish speaker may type a decimal comma.
  {
    title: "Spanish from the browser language (es-US), phone, auto detailing",
    locale: "es",
    viewport: "phone",
    pack: "auto-detailing",
    price: "87,50",
    cents: 8_750,
  },
];

const ADVANCED_ONLY_CARDS = [
  "dashboard:cards.ai.title",
  "dashboard:cards.email.title",
  "dashboard:cards.billing.title",
  "dashboard:cards.team.title",
];

const browser = sharedBrowser();

async function heading(page: Page, name: string, level?: number) {
  const h = page.getByRole("heading", { name, exact: true, ...(level ? { level } : {}) });
  await h.first().waitFor({ state: "visible" });
  return h;
}

async function documentLang(page: Page) {
  return page.evaluate(() => document.documentElement.lang);
}

async function assertCards(page: Page, lng: Locale, mode: "simple" | "advanced") {
  await page.locator(`[data-testid="${mode}-cards"]`).waitFor({ state: "visible" });
  const main = page.getByRole("main");
  // Cards every mode shows.
  for (const key of ["dashboard:cards.hours.title", "dashboard:cards.services.title", "dashboard:cards.site.title"]) {
    expect(await main.getByRole("heading", { name: tr(lng, key), exact: true }).count(), `${mode}: card "${tr(lng, key)}"`).toBe(1);
  }
  for (const key of ADVANCED_ONLY_CARDS) {
    const title = tr(lng, key);
    // "Services" in the nav vs the "Team" card: only card headings count.
    const count = await main.getByRole("heading", { name: title, exact: true }).count();
    expect(count, `${mode}: advanced-only card "${title}"`).toBe(mode === "advanced" ? 1 : 0);
  }
}

async function modeRadio(page: Page, lng: Locale, mode: "simple" | "advanced") {
  // The dashboard has one toggle for phones (header) and one for desktops: use the visible one.
  const toggle = page.locator('[data-testid="mode-toggle"]').filter({ visible: true });
  await toggle.waitFor({ state: "visible" });
  return toggle.getByRole("radio", { name: tr(lng, `dashboard:mode.${mode}`), exact: true });
}

async function switchMode(page: Page, lng: Locale, mode: "simple" | "advanced") {
  const saved = page.waitForResponse((res) => res.url().includes("/api/trpc/me.updatePreferences") && res.request().method() === "POST");
  await (await modeRadio(page, lng, mode)).click();
  const res = await saved;
  expect(res.status(), `saving dashboard mode ${mode}`).toBe(200);
  await assertCards(page, lng, mode);
  expect(await (await modeRadio(page, lng, mode)).getAttribute("aria-checked")).toBe("true");
  // The choice is on the profile: it survives a full reload.
  await page.reload();
  await waitForHydration(page);
  await assertCards(page, lng, mode);
  expect(await (await modeRadio(page, lng, mode)).getAttribute("aria-checked"), `${mode} still selected after reload`).toBe("true");
}

describe("onboarding journey", () => {
  for (const j of JOURNEYS) {
    test(j.title, async () => {
      const lng = j.locale;
      const suffix = uniqueSuffix();
      const ownerFirstName = lng === "es" ? "Lucía" : "Olivia";
      const owner = { name: `${ownerFirstName} E2E`, email: `owner-${lng}-${suffix}@e2e.test`, password: "e2e-password-123" };
      const businessName = lng === "es" ? `Detallado Sol ${suffix}` : `Sparkle Homes ${suffix}`;
      const page = await newPage(browser(), { locale: lng, viewport: j.viewport });

      // -- Sign up ---------------------------------------------------------------------------
      await open(page, "/sign-up");
      await heading(page, tr(lng, "auth:signUpTitle"), 1);
      expect(await documentLang(page)).toBe(lng);
      // Nothing but the browser's language chose it: no language cookie, no ?lng=.
      expect((await page.context().cookies()).map((c) => c.name)).not.toContain("lng");
      await checkA11y(page, `${lng}: sign-up`);

      await page.locator('main input[name="name"]').fill(owner.name);
      await page.locator('main input[name="email"]').fill(owner.email);
      await page.locator('main input[name="password"]').fill(owner.password);
      await Promise.all([page.waitForURL((u) => u.pathname === "/onboarding"), page.locator('main button[type="submit"]').click()]);
      await waitForHydration(page);

      // -- Wizard 1/5: business name and trade -------------------------------------------------
      await heading(page, tr(lng, "onboarding:title"), 1);
      await heading(page, tr(lng, "onboarding:business.heading"), 2);
      expect(await page.getByText(tr(lng, "onboarding:progress", { current: 1, total: 5 })).count()).toBeGreaterThan(0);
      const next = page.getByRole("button", { name: tr(lng, "onboarding:next"), exact: true });
      expect(await next.isDisabled(), "Next is disabled until the step is complete").toBe(true);
      await checkA11y(page, `${lng}: wizard 1/5 business`);
      await page.getByLabel(tr(lng, "onboarding:business.name")).fill(businessName);
      const trade = page.locator(`[role="radio"][data-pack="${j.pack}"]`);
      await trade.click();
      expect(await trade.getAttribute("aria-checked")).toBe("true");
      expect(await page.locator('[role="radio"][data-pack][aria-checked="true"]').count(), "exactly one trade selected").toBe(1);
      await next.click();

      // -- Wizard 2/5: time zone and language --------------------------------------------------
      await heading(page, tr(lng, "onboarding:location.heading"), 2);
      const language = page.getByRole("radiogroup", { name: tr(lng, "onboarding:location.language") });
      const expectedLanguage = lng === "es" ? "Español" : "English";
      expect(
        await language.getByRole("radio", { name: expectedLanguage }).getAttribute("aria-checked"),
        "the business language defaults to the owner's",
      ).toBe("true");
      await checkA11y(page, `${lng}: wizard 2/5 location`);
      await next.click();

      // -- Wizard 3/5: hours (kept as the trade suggests) ------------------------------------------
      await heading(page, tr(lng, "onboarding:hours.heading"), 2);
      const openDays = await page.getByRole("switch", { checked: true }).count();
      expect(openDays, "the trade pre-fills opening hours").toBeGreaterThan(0);
      await checkA11y(page, `${lng}: wizard 3/5 hours`);
      await next.click();

      // -- Wizard 4/5: services, change one price ----------------------------------------------------
      await heading(page, tr(lng, "onboarding:services.heading"), 2);
      const serviceNames = page.getByLabel(tr(lng, "onboarding:services.name"));
      expect(await serviceNames.count(), "the trade pre-fills services").toBeGreaterThan(0);
      const serviceName = await serviceNames.first().inputValue();
      expect(serviceName.length).toBeGreaterThan(0);
      const priceInput = page.getByLabel(tr(lng, "onboarding:services.price")).first();
      await priceInput.fill(j.price);
      expect(await priceInput.inputValue()).toBe(j.price);
      await checkA11y(page, `${lng}: wizard 4/5 services`);
      expect(await next.isDisabled(), `"${j.price}" is accepted as a price`).toBe(false);
      await next.click();

      // -- Wizard 5/5: review and create ---------------------------------------------------------
      await heading(page, tr(lng, "onboarding:review.heading"), 2);
      const money = formatCents(j.cents, lng);
      const review = page.getByRole("main");
      const reviewText = normalizeSpace(await review.textContent());
      expect(reviewText).toContain(businessName);
      expect(reviewText).toContain(normalizeSpace(money));
      const reviewedService = review.locator("li").filter({ hasText: serviceName }).first();
      expect(normalizeSpace(await reviewedService.textContent()), "the edited price in the review").toContain(normalizeSpace(money));
      await checkA11y(page, `${lng}: wizard 5/5 review`);
      await page.getByRole("button", { name: tr(lng, "onboarding:review.create"), exact: true }).click();

      // -- Success screen ------------------------------------------------------------------------
      await page
        .getByRole("heading", { name: tr(lng, "onboarding:done.title", { name: businessName }), level: 1 })
        .waitFor({ timeout: 30_000 });
      const address = normalizeSpace(await page.locator("main p.font-mono").textContent());
      const m = /\/s\/([a-z0-9-]+)$/.exec(address);
      expect(m, `public address on the success screen: "${address}"`).not.toBeNull();
      const slug = m![1];
      expect(address).toBe(`${baseUrl()}/s/${slug}`);
      expect(await page.getByRole("link", { name: tr(lng, "onboarding:done.viewSite") }).getAttribute("href")).toBe(`/s/${slug}`);
      await checkA11y(page, `${lng}: onboarding success`);

      // -- Dashboard: Simple, Advanced and back -----------------------------------------------------
      await Promise.all([
        page.waitForURL((u) => u.pathname === "/dashboard"),
        page.getByRole("link", { name: tr(lng, "onboarding:done.goDashboard") }).click(),
      ]);
      await waitForHydration(page);
      await heading(page, tr(lng, "dashboard:home.greeting", { name: ownerFirstName }), 1);
      expect(normalizeSpace(await page.getByRole("main").textContent())).toContain(
        tr(lng, "dashboard:home.subtitle", { business: businessName }),
      );
      expect(await documentLang(page)).toBe(lng);
      await assertCards(page, lng, "simple");
      expect(await (await modeRadio(page, lng, "simple")).getAttribute("aria-checked"), "a new owner starts in Simple mode").toBe("true");
      await checkA11y(page, `${lng}: dashboard (simple)`);

      await switchMode(page, lng, "advanced");
      await checkA11y(page, `${lng}: dashboard (advanced)`);
      await switchMode(page, lng, "simple");

      // -- Public page ---------------------------------------------------------------------------
      const res = await page.goto(url(`/s/${slug}`));
      expect(res?.status(), `GET /s/${slug}`).toBe(200);
      await waitForHydration(page);
      expect(await documentLang(page)).toBe(lng);
      expect(await page.locator("body > div > header").first().textContent()).toContain(businessName);
      for (const key of ["site:services", "site:about", "site:hours"]) await heading(page, tr(lng, key), 2);
      const card = page.locator("main li").filter({ has: page.getByRole("heading", { name: serviceName, exact: true, level: 3 }) });
      expect(await card.count(), `service "${serviceName}" on the public page`).toBe(1);
      expect(normalizeSpace(await card.textContent()), "the edited price, formatted as money").toContain(normalizeSpace(money));
      await checkA11y(page, `${lng}: public page /s/${slug}`);
    });
  }
});
