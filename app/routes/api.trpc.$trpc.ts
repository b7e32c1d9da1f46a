import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createTrpcContext } from "#server/trpc/context.server";
import { appRouter } from "#server/trpc/router.server";

/** tRPC over HTTP at /api/trpc: the dashboard's typed client and the SDK talk to this. */
function handle({ request }: LoaderFunctionArgs | ActionFunctionArgs) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createTrpcContext(request),
  });
}

export const loader = handle;
export const action = handle;
