import { describe, expect, test } from "vitest";
import { checkA11y, newPage, normalizeSpace, open, tr, signIn, uniqueSuffix, sharedBrowser, waitForHydration } from "./support/app";

/**
 * The demo owner adds a customer with a phone number typed the local way (first mistyped,
 * refused with a translated message), sees it stored as E.164, finds the customer by search,
 * then adds the same person again and merges the two records from "Possible duplicates".
 */

const browser = sharedBrowser();

const CUSTOMER_PATH = /^\/dashboard\/customers\/(?!new$)[^/]+$/;

describe("customers", () => {
  test("the owner adds a customer with a local phone number, finds them and merges a duplicate", async () => {
    const suffix = uniqueSuffix();
    const lastName = `Whitfield${suffix}`;
    const name = `Dana ${lastName}`;
    const nn = String(10 + Math.floor(Math.random() * 90));
    const local = `737.555.01${nn}`;
    const e164 = `+1737555 01${nn}`.replace(/\s/g, "");
    const email = `dana.${suffix}@example.com`;

    const owner = await newPage(browser(), { locale: "en", viewport: "desktop", label: "owner" });
    await signIn(owner);

    // -- The list, then the new-customer form ----------------------------------------------------
    await open(owner, "/dashboard/customers");
    await owner.getByRole("heading", { name: tr("en", "customers:title"), exact: true, level: 1 }).waitFor();
    await checkA11y(owner, "en: customer list");
    await Promise.all([
      owner.waitForURL((u) => u.pathname === "/dashboard/customers/new"),
      owner
        .getByRole("main")
        .getByRole("link", { name: tr("en", "customers:newCustomer") })
        .first()
        .click(),
    ]);
    await owner.getByRole("heading", { name: tr("en", "customers:new.title"), exact: true, level: 1 }).waitFor();

    // A number too short to be real is refused, in words, on the phone field.
    const phone = owner.getByLabel(tr("en", "customers:form.phone"), { exact: true });
    await phone.fill("555 12");
    await owner.locator('main input[name="name"]').fill(name);
    await owner.getByLabel(tr("en", "customers:form.email"), { exact: true }).fill(email);
    await owner.getByRole("button", { name: tr("en", "customers:form.create"), exact: true }).click();
    await owner.locator('main input[name="phone"][aria-invalid="true"]').waitFor();
    expect(normalizeSpace(await owner.getByRole("main").textContent())).toContain(tr("en", "errors:validation.phoneE164"));
    await checkA11y(owner, "en: new customer with a phone error");

    // The local way of writing it is accepted and stored as E.164.
    await phone.fill(local);
    await owner
      .getByLabel(tr("en", "customers:form.listItem", { field: "Vehicles", number: 1 }), { exact: true })
      .fill("2020 Mazda CX-5 (blue)");
    await Promise.all([
      owner.waitForURL((u) => CUSTOMER_PATH.test(u.pathname)),
      owner.getByRole("button", { name: tr("en", "customers:form.create"), exact: true }).click(),
    ]);
    await waitForHydration(owner);
    const firstUrl = new URL(owner.url());
    await owner.getByRole("heading", { name, exact: true, level: 1 }).waitFor();
    expect(normalizeSpace(await owner.getByRole("main").textContent())).toContain(tr("en", "customers:detail.created"));
    expect(await owner.getByTestId("customer-phone").getAttribute("href"), "stored as E.164").toBe(`tel:${e164}`);
    expect(await owner.locator('main input[name="phone"]').inputValue(), "shown in national format").toBe(`(737) 555-01${nn}`);
    await checkA11y(owner, "en: customer page");

    // -- Search finds them by name and by the last digits of the phone ----------------------------------
    await open(owner, "/dashboard/customers");
    const search = owner.getByRole("searchbox", { name: tr("en", "customers:list.search") });
    await search.fill(lastName.toLowerCase().slice(0, 12));
    await owner.waitForURL((u) => u.searchParams.get("q") === lastName.toLowerCase().slice(0, 12));
    const rows = owner.getByRole("main").getByRole("table").getByRole("link");
    await expect.poll(() => rows.allTextContents()).toEqual([name]);
    await search.fill(`5550 1${nn}`);
    await owner.waitForURL((u) => u.searchParams.get("q") === `5550 1${nn}`);
    await expect.poll(() => rows.allTextContents()).toContain(name);

    // -- The same person added again without a phone: a possible duplicate ---------------------------
    await open(owner, "/dashboard/customers/new");
    // Typing the first record's number warns before a second record is made; the owner leaves the phone out.
    const phone2 = owner.getByLabel(tr("en", "customers:form.phone"), { exact: true });
    await phone2.fill(`(737) 555-01${nn}`);
    await phone2.blur();
    await owner
      .getByRole("main")
      .getByText(tr("en", "customers:form.phoneOwner", { name }))
      .waitFor();
    await phone2.fill("");
    await owner.locator('main input[name="name"]').fill(`D. ${lastName}`);
    await owner.getByLabel(tr("en", "customers:form.email"), { exact: true }).fill(email.toUpperCase());
    await owner
      .getByLabel(tr("en", "customers:form.listItem", { field: "Vehicles", number: 1 }), { exact: true })
      .fill("2012 Honda Civic (red)");
    await Promise.all([
      owner.waitForURL((u) => CUSTOMER_PATH.test(u.pathname) && u.pathname !== firstUrl.pathname),
      owner.getByRole("button", { name: tr("en", "customers:form.create"), exact: true }).click(),
    ]);
    await waitForHydration(owner);
    await owner.getByRole("heading", { name: tr("en", "customers:duplicates.title"), exact: true }).waitFor();
    await Promise.all([
      owner.waitForURL((u) => u.searchParams.has("merge")),
      owner.getByRole("link", { name: tr("en", "customers:duplicates.compareWith", { name }), exact: true }).click(),
    ]);
    await owner.getByRole("heading", { name: tr("en", "customers:merge.title"), exact: true }).waitFor();
    await checkA11y(owner, "en: merge comparison");

    // Keep the first record (the one with the phone), confirm in the dialog.
    const firstId = firstUrl.pathname.split("/").pop()!;
    await owner.locator(`main input[name="survivorId"][value="${firstId}"]`).check();
    await owner.getByRole("button", { name: tr("en", "customers:merge.submit"), exact: true }).click();
    const dialog = owner.getByRole("dialog", { name: tr("en", "customers:merge.confirmTitle") });
    await dialog.waitFor();
    expect(normalizeSpace(await dialog.textContent())).toContain(
      tr("en", "customers:merge.confirmBody", { survivor: name, duplicate: `D. ${lastName}` }),
    );
    await checkA11y(owner, "en: merge confirmation dialog");
    await Promise.all([
      owner.waitForURL((u) => u.pathname === firstUrl.pathname && u.searchParams.get("merged") === "1"),
      dialog.getByRole("button", { name: tr("en", "customers:merge.confirmSubmit", { name }), exact: true }).click(),
    ]);
    await waitForHydration(owner);
    // The URL commits before the kept record's page has rendered: wait for its notice.
    await owner.getByRole("main").getByText(tr("en", "customers:detail.merged")).waitFor();
    expect(normalizeSpace(await owner.getByRole("main").textContent())).toContain(tr("en", "customers:detail.merged"));
    const vehicles = await owner
      .locator('main input[name="fields.vehicles"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(vehicles, "the duplicate's vehicle joined the kept record").toEqual(["2020 Mazda CX-5 (blue)", "2012 Honda Civic (red)"]);
    expect(await owner.getByRole("heading", { name: tr("en", "customers:duplicates.title") }).count(), "no duplicate left").toBe(0);

    // -- One record left, on a phone in Spanish too ------------------------------------------------------------------------------
    const phoneEs = await newPage(browser(), { locale: "es", viewport: "phone", label: "owner-es-phone" });
    await signIn(phoneEs);
    await open(phoneEs, `/dashboard/customers?q=${encodeURIComponent(lastName)}`);
    await phoneEs.getByRole("heading", { name: tr("es", "customers:title"), exact: true, level: 1 }).waitFor();
    const cards = phoneEs.getByRole("main").getByRole("listitem").getByRole("link");
    expect((await cards.allTextContents()).map(normalizeSpace)).toEqual([expect.stringContaining(name)]);
    expect(normalizeSpace(await cards.first().textContent())).toContain(`(737) 555-01${nn}`);
    await checkA11y(phoneEs, "es: customer list on a phone");
  });
});
