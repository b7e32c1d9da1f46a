import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { TRPC_MAX_BATCH_SIZE } from "#server/trpc/batch-limit";
import type { AppRouter } from "#server/trpc/router.server";

/**
 * The typed API client used by the dashboard in the browser (the SDK uses the same
 * router type). Calls carry the tenant the dashboard is working on.
 */
let currentTenantId: string | null = null;

export function setClientTenant(tenantId: string | null) {
  currentTenantId = tenantId;
}

export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: "/api/trpc",
      maxItems: TRPC_MAX_BATCH_SIZE,
      headers: () => (currentTenantId ? { "x-tenant-id": currentTenantId } : {}),
    }),
  ],
});

/** The translated message and field errors the server attached to a failed call. */
export function clientErrorOf(error: unknown): { message: string; fields: Record<string, string> } {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fields?: Record<string, string> | null } | undefined;
    return { message: error.message, fields: data?.fields ?? {} };
  }
  return { message: error instanceof Error ? error.message : String(error), fields: {} };
}
