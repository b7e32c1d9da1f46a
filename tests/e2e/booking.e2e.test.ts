import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { CLEANMACHINE_DEMO } from "../../server/packs/demo/cleanmachine";
import { getPack } from "../../server/packs";
import { checkA11y, newPage, normalizeSpace, open, tr, signIn, uniqueSuffix, sharedBrowser, waitForHydration } from "./support/app";

/**
 * A customer books on the demo business's public page in Spanish on a phone (with SMS
 * consent), sees the confirmation and the manage page; then the owner finds the booking on
 * the schedule and the confirmation text in the customer's inbox thread. Robust to the
 * current date: it takes the first open time the page offers.
 */
const DEMO = CLEANMACHINE_DEMO;
const service = getPack(DEMO.packKey).services[0];

const browser = sharedBrowser();

const h1 = (page: Page, text: string) => page.getByRole("heading", { name: text, exact: true, level: 1 });

describe("public booking", () => {
  test("a Spanish phone customer books with SMS consent; the owner sees it on the schedule and in the inbox", async () => {
    const customer = { name: `Lucía Reserva ${uniqueSuffix()}`, phone: `(512) 555-${String(1000 + Math.floor(Math.random() * 9000))}` };

    // -- The customer, Spanish browser on a phone, from the public site ---------------------------------
    const page = await newPage(browser(), { locale: "es", viewport: "phone", label: "customer" });
    await open(page, `/s/${DEMO.slug}`);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/s/${DEMO.slug}/book`),
      page
        .getByRole("link", { name: tr("es", "site:bookNow"), exact: true })
        .first()
        .click(),
    ]);
    await waitForHydration(page);
    expect(await page.evaluate(() => document.documentElement.lang), "document language").toBe("es");

    // Step 1: service (price and duration follow the choice).
    await h1(page, tr("es", "booking:service.heading")).waitFor();
    await checkA11y(page, "es: booking step 1 (service, phone)");
    await page.locator("main label").filter({ hasText: service.name.es }).first().click();
    await page.getByText(`${tr("es", "booking:service.total")}:`).waitFor();
    await page.getByRole("button", { name: tr("es", "booking:service.continue"), exact: true }).click();

    // Step 2: open times, in the business's zone (said on the page); take the first one offered.
    await h1(page, tr("es", "booking:time.heading")).waitFor();
    const firstSlot = page.locator("main ul li button").first();
    await firstSlot.waitFor();
    expect(normalizeSpace(await page.getByRole("main").textContent())).toContain("America/Chicago");
    await checkA11y(page, "es: booking step 2 (open times, phone)");
    const slotTime = normalizeSpace(await firstSlot.textContent());
    await firstSlot.click();

    // Step 3: the slot is held (countdown) while the customer fills in the form.
    await h1(page, tr("es", "booking:form.heading")).waitFor();
    const timer = page.getByRole("timer");
    expect(normalizeSpace(await timer.textContent())).toMatch(/\d+:\d{2}/);
    expect(normalizeSpace(await timer.textContent())).toContain(slotTime);
    await checkA11y(page, "es: booking step 3 (details, phone)");
    // An invalid phone number is refused with a translated message.
    await page.getByLabel(tr("es", "booking:form.name")).fill(customer.name);
    await page.getByLabel(tr("es", "booking:form.phone")).fill("123");
    await page
      .getByRole("main")
      .getByRole("button", { name: tr("es", "booking:form.submit"), exact: true })
      .click();
    await page.getByText(tr("es", "booking:form.phoneInvalid")).waitFor();
    await page.getByLabel(tr("es", "booking:form.phone")).fill(customer.phone);
    // A mobile business: where to go. A Dallas ZIP is outside the demo's 25 miles around Austin.
    await page.getByRole("textbox", { name: tr("es", "booking:form.line1"), exact: true }).fill("100 Congress Ave");
    const zip = page.getByRole("textbox", { name: tr("es", "booking:form.postalCode"), exact: true });
    await zip.fill("75201");
    await zip.blur();
    await page.getByText(tr("es", "errors:booking.outsideServiceArea")).waitFor();
    await zip.fill("78701");
    await page.getByRole("checkbox", { name: tr("es", "booking:form.smsConsent") }).check();
    await page
      .getByRole("main")
      .getByRole("button", { name: tr("es", "booking:form.submit"), exact: true })
      .click();

    // Step 4: the confirmation, with the manage link.
    await page
      .getByRole("heading", {
        level: 1,
        name: new RegExp(`^(${escapeRe(tr("es", "booking:done.heading"))}|${escapeRe(tr("es", "booking:done.headingRequested"))})$`),
      })
      .waitFor();
    const main = normalizeSpace(await page.getByRole("main").textContent());
    expect(main).toContain(service.name.es);
    expect(main).toContain(slotTime);
    expect(main).toContain(tr("es", "booking:done.sms", { phone: customer.phone }));
    await checkA11y(page, "es: booking confirmation (phone)");
    const manage = page.getByRole("link", { name: tr("es", "booking:done.manageCta"), exact: true });
    const managePath = await manage.getAttribute("href");
    expect(managePath).toMatch(new RegExp(`^/s/${DEMO.slug}/booking/manage/[\\w-]+\\.[\\w-]+$`));

    // The manage page shows the booking and offers changes.
    await open(page, managePath!);
    await h1(page, tr("es", "booking:manage.title")).waitFor();
    expect(normalizeSpace(await page.getByRole("main").textContent())).toContain(service.name.es);
    // Cancel/change online, or (inside the business's change cutoff, e.g. a slot early tomorrow) the way to reach them.
    const changes = page
      .getByRole("button", { name: tr("es", "booking:manage.cancel"), exact: true })
      .or(page.getByText(tr("es", "booking:manage.closed", { business: DEMO.name })));
    await changes.first().waitFor();
    expect(
      await page
        .getByText(
          new RegExp(
            `^(${escapeRe(tr("es", "booking:manage.status.CONFIRMED"))}|${escapeRe(tr("es", "booking:manage.status.REQUESTED"))})$`,
          ),
        )
        .count(),
    ).toBe(1);
    await checkA11y(page, "es: manage booking (phone)");
    // A tampered link is a friendly page, not an error.
    const bad = await page.goto(new URL(`${managePath!.slice(0, -3)}xyz`, page.url()).toString());
    expect(bad?.status()).toBe(200);
    await h1(page, tr("es", "booking:manage.invalidTitle")).waitFor();
    await checkA11y(page, "es: manage link invalid (phone)");

    // -- The owner: the booking on the schedule, the confirmation text in the inbox -------------------
    const owner = await newPage(browser(), { locale: "en", viewport: "desktop", label: "owner" });
    await signIn(owner, DEMO.owner.email, DEMO.owner.password);
    const bookedDate = await bookedLocalDate(owner, managePath!);
    await open(owner, `/dashboard/schedule?date=${bookedDate}&view=day`);
    await owner.getByRole("main").getByText(customer.name).first().waitFor();

    // The confirmation goes out through the durable runner: poll the inbox until it is there.
    const row = owner.getByTestId("conversation-row").filter({ hasText: customer.name });
    for (let i = 0; i < 30 && !(await row.count()); i++) {
      await open(owner, "/dashboard/inbox");
      if (await row.count()) break;
      await owner.waitForTimeout(1000);
    }
    await Promise.all([owner.waitForURL((u) => /^\/dashboard\/inbox\/[\w-]+/.test(u.pathname)), row.first().click()]);
    const sms = tr("es", "notifications:booking.confirmation.sms", {
      businessName: DEMO.name,
      serviceName: service.name.es,
      when: "@@",
      manageUrl: "@@",
    }).split("@@")[0];
    await owner.getByRole("main").getByText(sms, { exact: false }).first().waitFor();
  });

  test("a hold that runs out while the form is open: said kindly, and the customer picks a time again", async () => {
    const page = await newPage(browser(), { locale: "en", viewport: "desktop" });
    await page.clock.install();
    await open(page, `/s/${DEMO.slug}/book?service=${await firstServiceId(page)}`);
    await h1(page, tr("en", "booking:service.heading")).waitFor();
    await page.getByRole("button", { name: tr("en", "booking:service.continue"), exact: true }).click();
    await page.locator("main ul li button").last().click();
    await h1(page, tr("en", "booking:form.heading")).waitFor();
    await page.getByRole("timer").waitFor();
    // Past the hold (BOOKING.holdMinutes is at most 30).
    await page.clock.fastForward("31:00");
    await page.getByText(tr("en", "booking:hold.expired")).waitFor();
    await checkA11y(page, "en: hold expired (desktop)");
    await page.getByRole("button", { name: tr("en", "booking:hold.pickAgain"), exact: true }).click();
    await h1(page, tr("en", "booking:time.heading")).waitFor();
    await page.locator("main ul li button").first().waitFor();
  });
});

/** The id behind the first "Book" button of a service on the public site (the deep link preselects it). */
async function firstServiceId(page: Page): Promise<string> {
  await open(page, `/s/${DEMO.slug}`);
  const href = await page.locator('main a[href*="/book?service="]').first().getAttribute("href");
  const id = new URL(href!, page.url()).searchParams.get("service");
  expect(id, "service deep link").toBeTruthy();
  return id!;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The booking's local date in the business's zone, read from the public manage API (what the owner's schedule is keyed by). */
async function bookedLocalDate(page: Page, managePath: string): Promise<string> {
  const [, , slug, , , token] = managePath.split("/");
  const input = encodeURIComponent(JSON.stringify({ 0: { slug, token } }));
  const res = await page.request.get(new URL(`/api/trpc/booking.public.manage.get?batch=1&input=${input}`, page.url()).toString());
  expect(res.ok(), "manage.get").toBe(true);
  const [{ result }] = (await res.json()) as Array<{ result: { data: { startsAt: string; business: { timeZone: string } } } }>;
  const { startsAt, business } = result.data;
  return new Intl.DateTimeFormat("en-CA", { timeZone: business.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(startsAt),
  );
}
