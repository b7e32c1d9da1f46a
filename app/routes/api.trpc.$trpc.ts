import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleTrpcRequest } from "#server/trpc/http-handler.server";

/** tRPC over HTTP at /api/trpc: the dashboard's typed client and the SDK talk to this. */
function handle({ request }: LoaderFunctionArgs | ActionFunctionArgs) {
  return handleTrpcRequest(request);
}

export const loader = handle;
export const action = handle;
