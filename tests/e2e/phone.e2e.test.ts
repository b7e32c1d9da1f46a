import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { checkA11y, newPage, open, tr, signIn, sharedBrowser, waitForHydration } from "./support/app";

/**
 * The demo owner, on a Spanish phone, sets up the phone line (Human first, one phone to ring;
 * a wrong number is refused on its field without losing what was typed), then calls the line
 * in the simulator: nobody on the team answers and the caller leaves a voicemail.
 */
const browser = sharedBrowser();

const es = (key: string, vars: Record<string, string | number> = {}) => tr("es", `phone:${key}`, vars);

/** Answers whatever the simulated call waits for, as a caller nobody picks up for, until it records. */
async function driveToVoicemail(page: Page) {
  const main = page.getByRole("main");
  const panel = main.getByTestId("call-panel");
  for (let turn = 0; turn < 10; turn++) {
    await expect.poll(() => panel.getAttribute("data-awaiting")).not.toBe(null);
    const awaiting = await panel.getAttribute("data-awaiting");
    const steps = await main.getByTestId("call-steps").locator("li").count();
    if (awaiting === "recording") return;
    if (awaiting === "digit") await main.getByRole("button", { name: es("simulator.pressKey", { digit: "2" }) }).click();
    else if (awaiting === "ring") await main.getByRole("button", { name: es("simulator.noAnswer") }).click();
    else if (awaiting === "speech") {
      await main.getByLabel(es("simulator.say")).fill("Quiero hablar con una persona");
      await main.getByRole("button", { name: es("simulator.send"), exact: true }).click();
    } else throw new Error(`the call waits for nothing (status ${await panel.getAttribute("data-status")})`);
    await expect.poll(() => main.getByTestId("call-steps").locator("li").count()).toBeGreaterThan(steps);
  }
  throw new Error("the call never asked for a voicemail");
}

describe("phone line", () => {
  test("the owner sets up Human first with a phone to ring, then a test call nobody answers ends in a voicemail", async () => {
    const page = await newPage(browser(), { locale: "es", viewport: "phone", label: "owner" });
    await signIn(page);
    const main = page.getByRole("main");
    // The home card says how the line is set up and leads to the page.
    await expect.poll(() => main.getByTestId("phone-status").textContent()).toContain(es("card.simulator"));
    await Promise.all([
      page.waitForURL((u) => u.pathname === "/dashboard/phone"),
      main.getByRole("link", { name: es("card.action") }).click(),
    ]);
    await waitForHydration(page);
    await main.getByText(es("simulatorMode")).waitFor();

    await main.getByRole("radio", { name: es("setup.modes.HUMAN_FIRST.label") }).check();
    await main.getByLabel(es("setup.ringSeconds.label")).fill("20");
    await main.getByRole("button", { name: es("setup.ringTargets.add") }).click();
    const names = main.getByLabel(es("setup.ringTargets.name"), { exact: true });
    const phones = main.getByLabel(es("setup.ringTargets.phone"), { exact: true });
    await names.last().fill("Marta");
    await phones.last().fill("512 555 01");
    await main.getByRole("button", { name: es("setup.save") }).click();
    await main.getByText(es("setup.fixErrors")).waitFor();
    const targetIndex = (await names.count()) - 1;
    // The error sits on the phone field, in Spanish, and nothing typed was lost.
    expect(await phones.last().getAttribute("aria-invalid")).toBe("true");
    expect(await names.last().inputValue()).toBe("Marta");
    expect(await phones.last().inputValue()).toBe("512 555 01");
    expect(await main.getByRole("radio", { name: es("setup.modes.HUMAN_FIRST.label") }).isChecked()).toBe(true);
    expect(await main.getByLabel(es("setup.ringSeconds.label")).inputValue()).toBe("20");
    await checkA11y(page, "es: phone setup with a field error");

    await phones.last().fill("(512) 555-0177");
    await main.getByRole("button", { name: es("setup.save") }).click();
    await main.getByText(es("saved")).waitFor();
    // Stored normalised, shown in the national format after the reload.
    await expect.poll(() => phones.nth(targetIndex).inputValue()).toBe("(512) 555-0177");
    expect(await main.getByRole("radio", { name: es("setup.modes.HUMAN_FIRST.label") }).isChecked()).toBe(true);
    expect(await main.getByLabel(es("setup.ringSeconds.label")).inputValue()).toBe("20");

    // Test the line: a call nobody answers ends in a voicemail.
    await main.getByRole("tab", { name: es("tabs.test") }).click();
    await main.getByRole("button", { name: es("simulator.startCall") }).click();
    await main.getByTestId("call-panel").waitFor();
    await driveToVoicemail(page);
    // The team (Marta) was rung before the voicemail.
    expect((await main.getByTestId("call-steps").locator('li[data-kind="ring"]').allTextContents()).join(" ")).toContain("Marta");
    await checkA11y(page, "es: simulator, recording a voicemail");
    await main.getByLabel(es("simulator.voicemailText")).fill("Hola, llamo para agendar un lavado el sábado.");
    await main.getByLabel(es("simulator.voicemailSeconds")).fill("9");
    await main.getByRole("button", { name: es("simulator.leaveVoicemail") }).click();
    await expect.poll(() => main.getByTestId("call-panel").getAttribute("data-status")).toBe("ENDED");
    const voicemail = main.getByTestId("call-steps").locator('li[data-kind="voicemail"]');
    await voicemail.waitFor();
    expect(await voicemail.textContent()).toContain("Hola, llamo para agendar un lavado el sábado.");
    expect(await main.getByTestId("call-panel").textContent()).toContain(es("simulator.outcomes.VOICEMAIL"));
    await checkA11y(page, "es: simulator, voicemail left");

    // A text to the line: the STOP confirmation arrives in the thread shown on the page.
    await main.getByLabel(es("simulator.textFrom"), { exact: true }).fill("512 555 0199");
    await main.getByLabel(es("simulator.message"), { exact: true }).fill("STOP");
    await main.getByRole("button", { name: es("simulator.sendText") }).click();
    const thread = main.getByTestId("sms-thread");
    await thread.locator('li[data-direction="INBOUND"]').first().waitFor();
    await thread.locator('li[data-direction="OUTBOUND"]').first().waitFor({ timeout: 20_000 });
    await checkA11y(page, "es: simulator, text thread");

    // The setup survives a fresh load, and the home card tells how calls are answered.
    await open(page, "/dashboard/phone");
    expect(await main.getByRole("radio", { name: es("setup.modes.HUMAN_FIRST.label") }).isChecked()).toBe(true);
    await open(page, "/dashboard");
    expect(await main.getByTestId("phone-status").textContent()).toContain(es("card.mode", { mode: es("setup.modes.HUMAN_FIRST.label") }));
  });
});
