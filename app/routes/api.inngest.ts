import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { serve } from "inngest/remix";
import { inngest } from "#inngest/client";
import { functions } from "#inngest/functions";
import { isInngestCloudConfigured } from "#server/env.server";

/**
 * Inngest calls this endpoint to run the functions when INNGEST_* keys are set (requests
 * are verified with the signing key by the SDK). Without keys the same functions run
 * in-process through the local runner, and this endpoint says so instead of failing.
 */
const handler = serve({ client: inngest, functions });

function localMode(request: Request) {
  const body = {
    mode: "local",
    message: "Inngest is not configured (INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY); functions run in-process through the local runner.",
    functions: functions.map((f) => f.id()),
  };
  return Response.json(body, { status: request.method === "GET" ? 200 : 503 });
}

export function loader(args: LoaderFunctionArgs) {
  return isInngestCloudConfigured() ? handler(args) : localMode(args.request);
}

export function action(args: ActionFunctionArgs) {
  return isInngestCloudConfigured() ? handler(args) : localMode(args.request);
}
