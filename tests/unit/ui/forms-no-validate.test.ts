import { describe, expect, it } from "vitest";
import { formsIn } from "../../helpers/jsx-forms";

/**
 * Browser validation bubbles speak the browser's language, not the page's: every form in
 * app/ says noValidate and shows the app's own translated field errors instead.
 */
describe("forms", () => {
  const forms = formsIn("app");

  it("finds the app's forms (so the check below can fail)", () => {
    expect(forms.length).toBeGreaterThan(30);
    expect(forms.some((f) => f.tag === "fetcher.Form")).toBe(true);
    expect(forms.some((f) => f.tag === "form")).toBe(true);
  });

  it("every form turns off the browser's own validation", () => {
    expect(forms.filter((f) => !f.noValidate).map((f) => `${f.file}:${f.line} <${f.tag}>`)).toEqual([]);
  });
});
