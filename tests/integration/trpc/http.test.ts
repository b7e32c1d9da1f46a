import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { sessionStorage } from "../../../server/auth/session.server";
import { PACK_KEYS } from "../../../server/packs";
import { createTrpcContext } from "../../../server/trpc/context.server";
import { appRouter } from "../../../server/trpc/router.server";
import { createTestTenant } from "../../helpers/factories";

/** The same handler app/routes/api.trpc.$trpc.ts mounts. */
function call(path: string, init: RequestInit & { input?: unknown } = {}) {
  const url = new URL(`http://localhost/api/trpc/${path}`);
  const { input, ...rest } = init;
  if (input !== undefined && (rest.method ?? "GET") === "GET") url.searchParams.set("input", JSON.stringify(input));
  const request = new Request(url, { ...rest, ...(input !== undefined && rest.method === "POST" ? { body: JSON.stringify(input) } : {}) });
  return fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext: () => createTrpcContext(request) });
}

interface ErrorBody {
  error: {
    message: string;
    data: { code: string; httpStatus: number; i18nKey: string | null; fields: Record<string, string> | null; stack?: string };
  };
}

async function sessionCookie(userId: string): Promise<string> {
  const session = await sessionStorage().getSession();
  session.set("userId", userId);
  return (await sessionStorage().commitSession(session)).split(";")[0]!;
}

describe("tRPC over HTTP (fetch adapter)", () => {
  it("packs.list answers 200 with every pack, signed out", async () => {
    const res = await call("packs.list");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: Array<{ key: string }> } };
    expect(body.result.data.map((p) => p.key)).toEqual([...PACK_KEYS]);
  });

  it("a tenant procedure without a session is 401 with a JSON error translated by Accept-Language", async () => {
    const es = await call("tenants.current", { headers: { "Accept-Language": "es-MX,es;q=0.9,en;q=0.5" } });
    expect(es.status).toBe(401);
    expect(es.headers.get("content-type")).toMatch(/application\/json/);
    const esBody = (await es.json()) as ErrorBody;
    expect(esBody.error.message).toBe("Inicie sesión para continuar.");
    expect(esBody.error.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401, i18nKey: "errors:signInRequired" });
    expect(esBody.error.data.stack).toBeUndefined();

    const en = await call("tenants.current", { headers: { "Accept-Language": "en-US" } });
    expect(en.status).toBe(401);
    expect(((await en.json()) as ErrorBody).error.message).toBe("Please sign in to continue.");
  });

  it("with a session cookie and x-tenant-id the tenant procedure answers; invalid input is 400 with translated fields", async () => {
    const t = await createTestTenant();
    const cookie = await sessionCookie(t.owner.id);
    const ok = await call("tenants.current", { headers: { cookie, "x-tenant-id": t.id } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { result: { data: { tenant: { id: string }; role: string } } }).result.data).toMatchObject({
      tenant: { id: t.id },
      role: "OWNER",
    });

    const bad = await call("services.create", {
      method: "POST",
      headers: { cookie, "x-tenant-id": t.id, "content-type": "application/json", "Accept-Language": "es" },
      input: { locale: "es", name: "Gratis", durationMinutes: 30, priceCents: -1 },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ErrorBody;
    expect(body.error.message).toBe("Algunos campos necesitan su atención.");
    expect(body.error.data.fields).toEqual({ priceCents: "Escriba un precio de $0 o más." });

    const other = await createTestTenant();
    const forbidden = await call("tenants.current", { headers: { cookie, "x-tenant-id": other.id } });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as ErrorBody).error.data.i18nKey).toBe("errors:tenant.notMember");
  });
});
