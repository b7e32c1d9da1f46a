import { describe, expect, test } from "vitest";
import { checkA11y, newPage, open, tr, signIn, sharedBrowser, waitForHydration } from "./support/app";

/**
 * The demo owner, on a Spanish phone, gives a service a vehicle-size option, a deposit and
 * the one person who does it; a fixed deposit above the price is refused on the field.
 */
const browser = sharedBrowser();

const es = (key: string, vars: Record<string, string | number> = {}) => tr("es", `dashboard:services.${key}`, vars);

describe("service options", () => {
  test("the owner adds options, a deposit and who can do it; a deposit over the price is refused", async () => {
    const page = await newPage(browser(), { locale: "es", viewport: "phone", label: "owner" });
    await signIn(page);
    await open(page, "/dashboard/services");
    const main = page.getByRole("main");
    await Promise.all([
      page.waitForURL((u) => /^\/dashboard\/services\/[\w-]+$/.test(u.pathname)),
      main
        .getByRole("link", { name: es("editOptions") })
        .last()
        .click(),
    ]);
    await waitForHydration(page);
    const serviceUrl = new URL(page.url()).pathname;

    await main.getByRole("button", { name: es("groups.add") }).click();
    await main.getByLabel(es("groups.nameEn")).fill("Vehicle size");
    await main.getByLabel(es("groups.nameEs")).fill("Tamaño del vehículo");
    await main.getByLabel(es("choices.nameEn")).fill("Sedan");
    await main.getByLabel(es("choices.nameEs")).fill("Sedán");
    await main.getByRole("button", { name: es("choices.add") }).click();
    await main.getByLabel(es("choices.nameEn")).nth(1).fill("SUV");
    await main.getByLabel(es("choices.nameEs")).nth(1).fill("SUV");
    await main.getByLabel(es("choices.price")).nth(1).fill("+25");
    await main.getByLabel(es("choices.minutes")).nth(1).fill("30");
    await main.getByRole("radio", { name: es("deposit.fixed") }).click();
    await main.getByLabel(es("deposit.amount")).fill("100000");
    await main.locator('input[name="staffIds"]').first().check();
    await main.getByRole("button", { name: es("saveOptions") }).click();
    await main.getByText(es("errors.depositOverPrice")).waitFor();
    await checkA11y(page, "es: service options with a field error");

    await main.getByLabel(es("deposit.amount")).fill("20");
    await main.getByRole("button", { name: es("saveOptions") }).click();
    await main.getByText(es("savedToast")).waitFor();

    // A fresh load shows what was saved.
    await open(page, serviceUrl);
    await expect.poll(() => main.getByLabel(es("choices.nameEn")).nth(1).inputValue()).toBe("SUV");
    expect(await main.getByLabel(es("choices.price")).nth(1).inputValue()).toBe("25.00");
    expect(await main.getByLabel(es("choices.minutes")).nth(1).inputValue()).toBe("30");
    expect(await main.getByLabel(es("deposit.amount")).inputValue()).toBe("20.00");
    expect(await main.locator('input[name="staffIds"]:checked').count()).toBe(1);
    await checkA11y(page, "es: service options saved");
  });
});
