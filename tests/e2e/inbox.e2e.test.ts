import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { newPage, open, sharedBrowser, signIn, uniqueSuffix, waitForHydration } from "./support/app";

/**
 * The inbox on a phone: a thread with a long link and a long unbroken word stays within the
 * screen (no sideways scrolling), and the Send button can be reached.
 */
const browser = sharedBrowser();

const PHONE_WIDTH = 390;

/** How wide the page is against the phone's screen (a mobile browser widens its layout viewport to fit wide content). */
function pageWidth(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

describe("inbox on a phone", () => {
  test("a long link and a long unbroken word wrap: the list and the thread fit the screen and Send is on it", async () => {
    const page = await newPage(browser(), { locale: "en", viewport: "phone" });
    await signIn(page);
    await open(page, "/dashboard/inbox");
    const main = page.getByRole("main");

    const row = main.getByTestId("conversation-row").first();
    await Promise.all([page.waitForURL((u) => /^\/dashboard\/inbox\/[^/]+$/.test(u.pathname)), row.click()]);
    await waitForHydration(page);
    const threadPath = new URL(page.url()).pathname;

    const word = `Unbroken${uniqueSuffix()}${"x".repeat(120)}`;
    const link = `https://example.com/${"a".repeat(150)}`;
    // Ctrl+Enter sends: before the fix the Send button was off-screen and could not be tapped.
    const body = main.getByTestId("reply-body");
    await body.fill(`See ${link} and ${word}`);
    await body.press("Control+Enter");
    await main.getByTestId("thread-messages").getByText(word, { exact: false }).waitFor();

    await open(page, threadPath);
    await main.getByTestId("thread-messages").getByText(word, { exact: false }).waitFor();
    const thread = await pageWidth(page);
    expect(thread.innerWidth, "the layout viewport grew past the phone's screen").toBeLessThanOrEqual(PHONE_WIDTH);
    expect(thread.scrollWidth, "the thread scrolls sideways").toBeLessThanOrEqual(thread.innerWidth);

    const send = await main.getByTestId("reply-send").boundingBox();
    expect(send, "the Send button is rendered").not.toBeNull();
    expect(send!.x).toBeGreaterThanOrEqual(0);
    expect(send!.x + send!.width).toBeLessThanOrEqual(PHONE_WIDTH);

    // The list shows the long message as its preview and still fits.
    await open(page, "/dashboard/inbox");
    const list = await pageWidth(page);
    expect(list.innerWidth).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(list.scrollWidth, "the conversation list scrolls sideways").toBeLessThanOrEqual(list.innerWidth);
  });
});
