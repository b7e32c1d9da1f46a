import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { DomainError } from "../errors/domain-errors";
import { detectLocale } from "../i18n/i18n.server";
import { translateNow } from "../i18n/translate.server";
import { TRPC_MAX_BATCH_SIZE } from "./batch-limit";
import { createTrpcContext } from "./context.server";
import { appRouter } from "./router.server";

/**
 * tRPC over HTTP (/api/trpc). Batches are capped (a bigger one is one translated 400, never
 * a fan-out of work); a rate-limited answer carries Retry-After.
 */
export async function handleTrpcRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const calls = url.searchParams.get("batch") === "1" ? url.pathname.split(/,|%2c/i).length : 1;
  // Refused before any context or input is built. tRPC's own maxBatchSize (below) stays as a
  // second guard, but its message cannot be translated: it fails before a context exists.
  if (calls > TRPC_MAX_BATCH_SIZE) {
    const message = translateNow(await detectLocale(request, null), "errors:batchTooLarge", { max: TRPC_MAX_BATCH_SIZE });
    const error = { message, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400, i18nKey: "errors:batchTooLarge", fields: null } };
    return Response.json({ error }, { status: 400 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    createContext: () => createTrpcContext(request),
    responseMeta({ errors }) {
      const waits = errors
        .filter((e) => e.code === "TOO_MANY_REQUESTS" && e.cause instanceof DomainError)
        .map((e) => Number((e.cause as DomainError).params.seconds) || 1);
      return waits.length ? { headers: { "Retry-After": String(Math.max(...waits)) } } : {};
    },
  });
}
