import { beforeAll, describe, expect, it } from "vitest";
import { action as trpcAction, loader as trpcLoader } from "../../../app/routes/api.trpc.$trpc";
import { sessionStorage } from "../../../server/auth/session.server";
import { withTenant } from "../../../server/db/db.server";
import { createTestTenant, type TestTenant } from "../../helpers/factories";

/**
 * Hostile text through the real API route (app/routes/api.trpc.$trpc.ts): control
 * characters get a translated field error (400), never a 500; invisible-only names are
 * empty; bidi overrides are removed from names before they are stored.
 */
interface Answer {
  status: number;
  body: { result?: { data: unknown }; error?: { message: string; data: { httpStatus: number; fields: Record<string, string> | null } } };
}

let t: TestTenant;
let cookie = "";

beforeAll(async () => {
  t = await createTestTenant();
  const session = await sessionStorage().getSession();
  session.set("userId", t.owner.id);
  cookie = (await sessionStorage().commitSession(session)).split(";")[0]!;
});

async function post(path: string, input: unknown, locale = "en"): Promise<Answer> {
  const request = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { cookie, "x-tenant-id": t.id, "content-type": "application/json", "accept-language": locale },
    body: JSON.stringify(input),
  });
  const res = (await trpcAction({ request, params: { trpc: path }, context: {} })) as Response;
  return { status: res.status, body: await res.json() };
}

async function get(path: string, input: unknown): Promise<Answer> {
  const request = new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie, "x-tenant-id": t.id },
  });
  const res = (await trpcLoader({ request, params: { trpc: path }, context: {} })) as Response;
  return { status: res.status, body: await res.json() };
}

const CONTROL_EN = "Remove the hidden control characters (they often come with copy and paste).";
const CONTROL_ES = "Quite los caracteres de control ocultos (suelen venir al copiar y pegar).";

describe("hostile text through real procedures", () => {
  it.each([
    ["customers.create", { name: "Ana\u0000Lopez" }, "name"],
    ["customers.create", { name: "Ana", notes: "gate code \u0000 1234" }, "notes"],
    ["customers.create", { name: "Ana", address: { line1: "1 Main\u0007 St" } }, "address.line1"],
    ["services.create", { locale: "en", name: "Wash\u0000", durationMinutes: 60, priceCents: 1000 }, "name"],
    ["config.SITE.update", { headline: { en: "Hi\u0000", es: "Hola" } }, "headline.en"],
    ["config.PHONE.update", { ringTargets: [{ name: "Desk\u001B", phone: "+15125550100" }] }, "ringTargets.0.name"],
    ["me.updatePreferences", { name: "Me\u0000" }, "name"],
    ["email.setSmtp", { host: "smtp.example.com", port: 587, secure: false, user: "me\u0000", password: "x" }, "user"],
  ])("%s with a control character in %j is a 400 field error", async (path, input, field) => {
    const en = await post(path, input);
    expect(en.status).toBe(400);
    expect(en.body.error?.data.fields?.[field]).toBe(CONTROL_EN);
    const es = await post(path, input, "es");
    expect(es.body.error?.data.fields?.[field]).toBe(CONTROL_ES);
  });

  it("a line break inside a single-line field is a field error; in a note it is kept", async () => {
    const bad = await post("customers.create", { name: "Ana\nLopez" });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.data.fields?.name).toBe("Keep this on one line, without line breaks or tabs.");
    const ok = await post("customers.create", { name: "Ana Lopez\r\n", notes: "line one\r\nline two" });
    expect(ok.status).toBe(200);
    expect(ok.body.result?.data).toMatchObject({ name: "Ana Lopez", notes: "line one\nline two" });
  });

  it("a name of only invisible characters is empty: required, in the caller's language", async () => {
    const en = await post("customers.create", { name: "\u200B\u00A0\u2060\uFEFF" });
    expect(en.status).toBe(400);
    expect(en.body.error?.data.fields?.name).toBe("This field is required.");
    const es = await post("customers.create", { name: "\u200B\u00A0" }, "es");
    expect(es.body.error?.data.fields?.name).toBe("Este campo es obligatorio.");
  });

  it("bidi overrides are removed from a name before it is stored", async () => {
    const res = await post("customers.create", { name: "Ana \u202Egnp.exe\u202C" });
    expect(res.status).toBe(200);
    const id = (res.body.result?.data as { id: string }).id;
    const stored = await withTenant(t.id, (db) => db.customer.findUniqueOrThrow({ where: { id }, select: { name: true } }));
    expect(stored.name).toBe("Ana gnp.exe");
  });

  it("a limit over the maximum says the limit, never cuts", async () => {
    const res = await post("customers.create", { name: "x".repeat(121) });
    expect(res.status).toBe(400);
    expect(res.body.error?.data.fields?.name).toBe("Use at most 120 characters.");
  });

  it("public and read procedures: control characters in a query are 400, not 500", async () => {
    const area = await get("booking.public.area", { slug: t.slug, postalCode: "787\u000001" });
    expect(area.status).toBe(400);
    const slots = await get("scheduling.slots", {
      tenantSlug: `${t.slug}\u0000`,
      serviceId: "x",
      fromDate: "2030-01-01",
      toDate: "2030-01-02",
    });
    expect(slots.status).toBe(400);
    const search = await get("customers.list", { q: "Ana\u0000" });
    expect(search.status).toBe(400);
    const id = await get("customers.get", { id: "abc\u0000" });
    expect(id.status).toBe(400);
  });
});
