import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import axe from "axe-core";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject, type TestContext } from "vitest";
import { resources } from "../../../locales";
import { CLEANMACHINE_DEMO } from "../../../server/packs/demo/cleanmachine";
import { CHROMIUM_ARGS, chromiumPath } from "./browser";

/**
 * Helpers shared by the e2e tests: the server's URL, pages with a language and a screen
 * size, axe checks, and diagnostics (screenshot, browser console, server log) on failure.
 */

export const ARTIFACTS_DIR = path.resolve("tests/.artifacts/e2e");

/** The server started by tests/setup/e2e-global-setup.ts, e.g. http://localhost:41234. */
export function baseUrl(): string {
  return inject("e2eBaseUrl");
}

/** `path` on the server. */
export function url(p: string): string {
  return new URL(p, baseUrl()).toString();
}

/** The same server reached through another host name, e.g. cleanmachine.localhost:<port>. */
export function hostUrl(host: string, p = "/"): string {
  const u = new URL(p, baseUrl());
  u.hostname = host;
  return u.toString();
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** A short random suffix so names and emails are unique per run. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export type Locale = "en" | "es";
export type ViewportKind = "phone" | "desktop";

const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 860 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
} as const;

interface OpenPage {
  label: string;
  context: BrowserContext;
  page: Page;
  /** Browser console errors, page errors, failed requests and 5xx answers, in order. */
  events: string[];
}

const openPages: OpenPage[] = [];

/**
 * A page in its own browser context. `locale` is the browser's language (Accept-Language and
 * navigator.language: en-US or es-US), so the app's language detection is exercised. The browser's
 * time zone is America/Chicago unless `timezoneId` says otherwise.
 */
export async function newPage(
  browser: Browser,
  options: { locale: Locale; viewport: ViewportKind; label?: string; timezoneId?: string },
): Promise<Page> {
  const context = await browser.newContext({
    ...VIEWPORTS[options.viewport],
    locale: options.locale === "es" ? "es-US" : "en-US",
    timezoneId: options.timezoneId ?? "America/Chicago",
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const label = options.label ?? `${options.locale}-${options.viewport}`;
  const events: string[] = [];
  const stamp = () => new Date().toISOString().slice(11, 23);
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") events.push(`${stamp()} console.${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (error) => events.push(`${stamp()} pageerror: ${error.message}`));
  page.on("requestfailed", (req) => events.push(`${stamp()} requestfailed: ${req.method()} ${req.url()} (${req.failure()?.errorText})`));
  page.on("response", (res) => {
    if (res.status() >= 500) events.push(`${stamp()} HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  openPages.push({ label, context, page, events });
  return page;
}

/**
 * afterEach hook: on failure, a full-page screenshot of every page the test opened (into
 * tests/.artifacts/e2e/), its URL, browser-side errors and the tail of the server log; then
 * closes the contexts.
 */
export async function closePages(ctx: TestContext): Promise<void> {
  const failed = ctx.task.result?.state === "fail";
  const pages = openPages.splice(0);
  if (failed && ctx.task.fails) {
    // test.fails: a known, reported bug failing as expected; vitest reports if it ever passes.
    console.warn(
      `[e2e] expected failure (known bug) in "${ctx.task.name}": ${ctx.task.result?.errors?.[0]?.message?.split("\n")[0] ?? ""}`,
    );
  } else if (failed) {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const base = `${path.basename(ctx.task.file?.name ?? "test", ".e2e.test.ts")}-${ctx.task.name}`.replace(/[^\w-]+/g, "_").slice(0, 100);
    const report: string[] = [];
    for (const p of pages) {
      const file = path.join(ARTIFACTS_DIR, `${base}-${p.label}.png`);
      try {
        await p.page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
        report.push(`[${p.label}] at ${p.page.url()}\n  screenshot: ${path.relative(process.cwd(), file)}`);
      } catch (error) {
        report.push(`[${p.label}] at ${p.page.url()}\n  (no screenshot: ${(error as Error).message.split("\n")[0]})`);
      }
      if (p.events.length)
        report.push(
          `  browser events:\n${p.events
            .slice(-30)
            .map((e) => `    ${e}`)
            .join("\n")}`,
        );
    }
    report.push(`server log (last 50 lines of ${path.relative(process.cwd(), inject("e2eServerLog"))}):\n${serverLogTail(50)}`);
    console.error(`\n---- e2e failure diagnostics: ${ctx.task.name} ----\n${report.join("\n")}\n----\n`);
  }
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
}

export function serverLogTail(lines: number): string {
  const file = inject("e2eServerLog");
  if (!existsSync(file)) return "(no server log)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

/**
 * Waits until React has hydrated the document (its props are attached to <body>), so clicks
 * reach the app's handlers instead of the inert server HTML.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => Object.keys(document.body).some((k) => k.startsWith("__reactProps$")), undefined, { timeout: 20_000 });
}

/** page.goto that insists on a 2xx answer (and a hydrated page), with the status in the error. */
/** Signs in through the local sign-in page (the demo owner by default) and waits for the hydrated dashboard. */
export async function signIn(
  page: Page,
  email: string = CLEANMACHINE_DEMO.owner.email,
  password: string = CLEANMACHINE_DEMO.owner.password,
): Promise<void> {
  await open(page, "/sign-in");
  await page.locator('main input[name="email"]').fill(email);
  await page.locator('main input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((u) => u.pathname === "/dashboard"), page.locator('main button[type="submit"]').click()]);
  await waitForHydration(page);
}

export async function open(page: Page, p: string): Promise<void> {
  const target = p.startsWith("http") ? p : url(p);
  const res = await page.goto(target);
  expect(res?.status(), `GET ${target}`).toBeLessThan(400);
  await waitForHydration(page);
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
}

/** Every violation found so far in this test file: label -> violations (for the final report). */
export const a11yFindings: Array<{ label: string; url: string; violations: AxeViolation[] }> = [];

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `      - ${n.target.map(String).join(" ")}\n        ${n.html.replace(/\s+/g, " ").slice(0, 200)}\n        ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 300)}`,
        )
        .join("\n");
      const more = v.nodes.length > 5 ? `\n      ... and ${v.nodes.length - 5} more` : "";
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join("\n");
}

/**
 * Serious accessibility bugs already reported against the app (see the e2e report). They are
 * printed on every run as KNOWN, but do not fail the suite, so a NEW violation still does.
 * E2E_A11Y_STRICT=1 makes them fail too. Each entry is as narrow as possible: one rule, one
 * page, one element.
 */
export const KNOWN_A11Y_ISSUES: Array<{ rule: string; path: RegExp; html: RegExp; where: string }> = [];

function isKnown(v: AxeViolation, pathname: string): boolean {
  if (process.env.E2E_A11Y_STRICT === "1") return false;
  return KNOWN_A11Y_ISSUES.some((k) => k.rule === v.id && k.path.test(pathname) && v.nodes.every((n) => k.html.test(n.html)));
}

/**
 * Runs axe-core on the page. Serious and critical violations fail the test (softly: the
 * journey continues so one run reports every screen); they are printed with rule id, element
 * and summary. Minor/moderate ones are ignored; known, reported ones are printed only.
 */
export async function checkA11y(page: Page, label: string, options: { soft?: boolean } = {}): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!present) await page.addScriptTag({ content: axe.source });
  const violations = (await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const result = await w.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target as unknown[], html: n.html, failureSummary: n.failureSummary })),
    }));
  })) as AxeViolation[];
  const pathname = new URL(page.url()).pathname;
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const known = serious.filter((v) => isKnown(v, pathname));
  const fresh = serious.filter((v) => !known.includes(v));
  if (known.length) {
    a11yFindings.push({ label, url: page.url(), violations: known });
    console.warn(
      `axe: KNOWN (reported, not failing) on "${label}": ${known.map((v) => `${v.id} -> ${KNOWN_A11Y_ISSUES.find((k) => k.rule === v.id)?.where}`).join("; ")}`,
    );
  }
  if (fresh.length) {
    a11yFindings.push({ label, url: page.url(), violations: fresh });
    const text = `axe: ${fresh.length} serious/critical violation(s) on "${label}" (${page.url()}):\n${formatViolations(fresh)}`;
    console.error(`\n${text}\n`);
    if (options.soft === false) expect.fail(text);
    else
      expect
        .soft(
          fresh.map((v) => `${v.id} (${v.nodes.length} element(s))`),
          text,
        )
        .toEqual([]);
  }
  return serious;
}

/**
 * The app's own text for `ns:key.path` in a language, with {{vars}} filled in and _one/_other
 * plurals picked by `count` (tests assert on what people read, not on hard-coded copies).
 */
export function tr(lng: Locale, key: string, vars: Record<string, string | number> = {}): string {
  const [ns, rest] = key.includes(":") ? (key.split(":", 2) as [string, string]) : ["common", key];
  const lookup = (k: string): unknown =>
    k
      .split(".")
      .reduce<unknown>(
        (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
        (resources[lng] as Record<string, unknown>)[ns],
      );
  let value = lookup(rest);
  if (value === undefined && typeof vars.count === "number") value = lookup(`${rest}_${vars.count === 1 ? "one" : "other"}`);
  if (typeof value !== "string") throw new Error(`no text for ${lng}:${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

/** Text as the browser shows it: non-breaking and narrow spaces become plain spaces. */
export function normalizeSpace(text: string | null | undefined): string {
  return (text ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/** One Chromium per test file: launched before its tests, pages closed after each test, closed at the end. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(closePages);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is not launched yet (use it inside a test)");
    return browser;
  };
}
