import { DateTime } from "luxon";
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { CLEANMACHINE_DEMO } from "../../server/packs/demo/cleanmachine";
import { checkA11y, newPage, normalizeSpace, open, tr, signIn, uniqueSuffix, sharedBrowser } from "./support/app";

/**
 * The demo owner runs the day from the schedule: books a new customer into a free time,
 * moves the job to another free time, then cancels it with a reason. The seeded demo
 * schedule is on screen, a time taken behind the owner's back is refused with a clear
 * message and fresh times, and every screen passes axe.
 */
const DEMO = CLEANMACHINE_DEMO;

const browser = sharedBrowser();

/** An open day (Mon–Fri) a few days ahead in the business's zone, where the demo leaves free time. */
function workingDayAhead(): string {
  let day = DateTime.now().setZone(DEMO.timeZone).plus({ days: 3 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

async function slotTimes(dialog: Locator): Promise<Array<{ startsAt: string; label: string }>> {
  const list = dialog.getByTestId("slot-list");
  await list.waitFor();
  const radios = list.getByRole("radio");
  const count = await radios.count();
  const out: Array<{ startsAt: string; label: string }> = [];
  for (let i = 0; i < count; i++)
    out.push({ startsAt: (await radios.nth(i).getAttribute("data-starts-at"))!, label: normalizeSpace(await radios.nth(i).textContent()) });
  return out;
}

function card(page: Page, customer: string): Locator {
  return page.getByTestId("booking-card").filter({ hasText: customer });
}

describe("schedule", () => {
  test("the owner books a new customer, moves the job and cancels it", async () => {
    const page = await newPage(browser(), { locale: "en", viewport: "desktop" });
    await signIn(page);

    // -- Home: the Today card links to the schedule ------------------------------------------------
    const today = page.getByTestId("today-card");
    await today.waitFor();
    expect(normalizeSpace(await today.textContent())).toContain(tr("en", "schedule:todayCard.title"));
    await Promise.all([
      page.waitForURL((u) => u.pathname === "/dashboard/schedule"),
      today.getByRole("link", { name: tr("en", "schedule:todayCard.action") }).click(),
    ]);
    await page.getByRole("heading", { name: tr("en", "schedule:title"), exact: true, level: 1 }).waitFor();

    // -- The day's agenda, one column per team member, with the seeded jobs -------------------------
    const date = workingDayAhead();
    await open(page, `/dashboard/schedule?date=${date}`);
    expect(await page.getByTestId("staff-column").count(), "the owner and the two team members").toBe(3);
    for (const name of [DEMO.owner.name, ...DEMO.team.map((m) => m.name)]) {
      expect(await page.getByRole("heading", { name, level: 3 }).count(), `${name}'s column`).toBe(1);
    }
    const seeded = await page.getByTestId("booking-card").count();
    expect(seeded, "the demo schedule has jobs on working days").toBeGreaterThan(0);
    await checkA11y(page, "en: schedule day");

    // -- The week around it: seven days, Monday first, the same jobs among them ---------------------
    await page.getByRole("radio", { name: tr("en", "schedule:view.week"), exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("view") === "week");
    const week = page.getByTestId("week-view");
    await week.waitFor();
    expect(await week.locator("section").count()).toBe(7);
    expect(await week.getByTestId("booking-card").count()).toBeGreaterThanOrEqual(seeded);
    await checkA11y(page, "en: schedule week");
    await open(page, `/dashboard/schedule?date=${date}`);

    // -- New booking: a new customer, the first free time with anyone -------------------------------
    const customer = `Dana Whitfield ${uniqueSuffix()}`;
    await page.getByTestId("new-booking").click();
    const dialog = page.getByRole("dialog", { name: tr("en", "schedule:create.title") });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: tr("en", "schedule:create.newCustomer") }).click();
    await dialog.getByLabel(tr("en", "schedule:create.name")).fill(customer);
    await dialog.getByLabel(tr("en", "schedule:create.phone")).fill(`(737) 555-${String(2000 + Math.floor(Math.random() * 7000))}`); // outside the demo customers' numbers
    const slots = await slotTimes(dialog);
    expect(slots.length, "free times on a working day").toBeGreaterThan(2);
    const first = slots[0];
    await dialog.getByRole("radio", { name: first.label, exact: true }).click();
    await checkA11y(page, "en: new booking dialog");
    await dialog.getByRole("button", { name: tr("en", "schedule:create.submit"), exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    const notice = page.getByTestId("schedule-notice");
    await notice.waitFor();
    expect(normalizeSpace(await notice.textContent())).toContain(customer);
    const booked = card(page, customer);
    await booked.waitFor();
    expect(normalizeSpace(await booked.textContent()), "the card shows the chosen start").toContain(first.label);
    expect(await booked.locator("[data-status]").getAttribute("data-status")).toBe("CONFIRMED");
    expect(await page.getByTestId("booking-card").count()).toBe(seeded + 1);

    // -- Move it to a later free time ---------------------------------------------------------------
    await booked.click();
    let sheet = page.getByTestId("booking-sheet");
    await sheet.waitFor();
    expect(normalizeSpace(await sheet.textContent())).toContain(customer);
    await checkA11y(page, "en: booking sheet");
    await sheet.getByRole("button", { name: tr("en", "schedule:actions.RESCHEDULE"), exact: true }).click();
    const moveSlots = await slotTimes(sheet);
    const target = moveSlots.at(-1)!;
    expect(target.startsAt, "a different time").not.toBe(first.startsAt);
    await sheet.getByRole("radio", { name: target.label, exact: true }).click();
    await sheet.getByRole("button", { name: tr("en", "schedule:move.submit"), exact: true }).click();
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="schedule-notice"]')?.textContent?.startsWith(text),
      tr("en", "schedule:done.RESCHEDULE", { when: "" }).replace(/\.$/, "").trim(),
    );
    await page.waitForFunction(
      ({ name, label }) =>
        [...document.querySelectorAll('[data-testid="booking-card"]')].some(
          (el) => el.textContent?.includes(name) && el.textContent.replace(/[\s\u00a0\u202f]+/g, " ").includes(label),
        ),
      { name: customer, label: target.label },
    );
    // Still open on the moved booking: close it.
    await page.keyboard.press("Escape");
    await sheet.waitFor({ state: "hidden" });

    // -- Cancel it, with a reason ----------------------------------------------------------------------
    await card(page, customer).click();
    sheet = page.getByTestId("booking-sheet");
    await sheet.getByRole("button", { name: tr("en", "schedule:actions.CANCEL"), exact: true }).click();
    await sheet.getByRole("heading", { name: tr("en", "schedule:cancel.title") }).waitFor();
    await sheet.getByLabel(tr("en", "schedule:cancel.reason")).fill("Customer asked to cancel");
    await checkA11y(page, "en: cancel booking");
    await sheet.getByRole("button", { name: tr("en", "schedule:cancel.confirm"), exact: true }).click();
    await sheet.waitFor({ state: "hidden" });
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="schedule-notice"]')?.textContent === text,
      tr("en", "schedule:done.CANCEL"),
    );
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll('[data-testid="booking-card"]')].some(
          (el) => el.textContent?.includes(name) && el.querySelector('[data-status="CANCELLED"]'),
        ),
      customer,
    );

    // The reason is on the booking, and a cancelled job offers nothing more.
    await card(page, customer).click();
    sheet = page.getByTestId("booking-sheet");
    await sheet.waitFor();
    const sheetText = normalizeSpace(await sheet.textContent());
    expect(sheetText).toContain("Customer asked to cancel");
    expect(sheetText).toContain(tr("en", "schedule:detail.noActions"));
  });

  test("a time taken meanwhile is refused in plain words and the free times are refreshed", async () => {
    const page = await newPage(browser(), { locale: "es", viewport: "phone" });
    await signIn(page);
    const date = workingDayAhead();
    await open(page, `/dashboard/schedule?date=${date}`);
    await page.getByRole("heading", { name: tr("es", "schedule:title"), exact: true, level: 1 }).waitFor();
    await checkA11y(page, "es: schedule day (phone)");

    await page.getByTestId("new-booking").click();
    const dialog = page.getByRole("dialog", { name: tr("es", "schedule:create.title") });
    await dialog.waitFor();
    await dialog.getByRole("searchbox").fill(DEMO.customers[1].name.split(" ")[0]);
    await dialog
      .getByTestId("customer-results")
      .getByRole("button", { name: new RegExp(DEMO.customers[1].name) })
      .click();
    await dialog.getByTestId("selected-customer").waitFor();
    // One member, so the time is taken for good when someone else books it.
    await dialog.getByLabel(tr("es", "schedule:create.staff")).selectOption({ label: DEMO.team[1].name });
    const slots = await slotTimes(dialog);
    const wanted = slots[0];
    await dialog.getByRole("radio", { name: wanted.label, exact: true }).click();

    // Someone else books that time with the same member first (the API, as another screen would).
    const staffId = await dialog.getByLabel(tr("es", "schedule:create.staff")).inputValue();
    const serviceId = await dialog.getByLabel(tr("es", "schedule:create.service")).inputValue();
    const other = await page.evaluate(
      async (input) => {
        // The business the dashboard works on, from its layout's loader data.
        const remix = (
          window as unknown as { __remixContext: { state: { loaderData: Record<string, { current?: { tenantId: string } }> } } }
        ).__remixContext;
        const tenantId = remix.state.loaderData["routes/dashboard"]?.current?.tenantId ?? "";
        const res = await fetch("/api/trpc/booking.create", {
          method: "POST",
          headers: { "content-type": "application/json", "x-tenant-id": tenantId },
          body: JSON.stringify(input),
        });
        return res.status;
      },
      {
        serviceId,
        staffId,
        startsAt: wanted.startsAt,
        customer: { name: `Otro Cliente ${uniqueSuffix()}`, phone: "+15125550188", locale: "es" },
      },
    );
    expect(other, "the competing booking was made").toBe(200);

    await dialog.getByRole("button", { name: tr("es", "schedule:create.submit"), exact: true }).click();
    await dialog.getByText(tr("es", "schedule:errors.slotTakenRefreshed"), { exact: true }).waitFor();
    await page.waitForFunction((startsAt) => {
      const list = document.querySelector('[role="dialog"] [data-testid="slot-list"]');
      return list !== null && !list.querySelector(`[data-starts-at="${startsAt}"]`);
    }, wanted.startsAt);
    expect(await dialog.getByRole("radio", { checked: true }).count(), "no time is chosen any more").toBe(0);
    await checkA11y(page, "es: new booking, slot taken (phone)");
  });
});
