import { z } from "zod";
import { Forbidden } from "../errors/domain-errors";
import { translateNow } from "../i18n/translate.server";
import { calendarMode } from "../integrations/google-calendar";
import { can } from "../tenants/roles";
import { router, tenantProcedure } from "../trpc/init.server";
import { runInBackground } from "./background.server";
import { refreshBusyBlocks } from "./busy.server";
import { catchUpConnection } from "./catch-up.server";
import { disconnectCalendar, getConnection, listCalendarConnections } from "./connections.server";
import { completeGoogleConnect, oauthRedirectUri, startGoogleConnect } from "./oauth.server";
import { problemKey } from "./problems";
import { zId, zToken } from "../validation/text";

/**
 * Calendar connections for the dashboard. Calendars shape availability, so managing them
 * takes "hours.manage"; the business-wide calendar takes "business.manage" (owners).
 * Another tenant's connection id is invisible under RLS: NOT_FOUND, never FORBIDDEN.
 */
const ZId = zId();

function assertMayManageTarget(role: Parameters<typeof can>[0], staffId: string | null) {
  if (staffId === null && !can(role, "business.manage")) throw Forbidden("calendar:errors.businessCalendarOwnerOnly");
}

export const calendarRouter = router({
  /** "google" when connecting is offered; "local" when bookings stay in ServicePro. */
  mode: tenantProcedure("STAFF").query(() => ({ mode: calendarMode() })),

  /** Every connection with its health in plain words, and who has no calendar yet. */
  connections: tenantProcedure("hours.manage").query(async ({ ctx }) => {
    const { connections, unconnected } = await ctx.tenant.db((db) => listCalendarConnections(db));
    return {
      mode: calendarMode(),
      canManageBusiness: can(ctx.tenant.role, "business.manage"),
      connections: connections.map((c) => ({
        ...c,
        lastErrorMessage: c.lastError ? translateNow(ctx.locale, `calendar:${problemKey(c.lastError)}`) : null,
      })),
      unconnected,
    };
  }),

  /** Starts the OAuth flow: the URL to send the member to, and the nonce for their browser's cookie. */
  connectUrl: tenantProcedure("hours.manage")
    .input(z.object({ staffId: ZId.nullable() }))
    .mutation(({ ctx, input }) => {
      assertMayManageTarget(ctx.tenant.role, input.staffId);
      return startGoogleConnect({
        tenantId: ctx.tenant.tenantId,
        userId: ctx.user.id,
        staffId: input.staffId,
        redirectUri: oauthRedirectUri(ctx.request),
      });
    }),

  /** The OAuth callback: stores the connection, then writes the bookings it owes and reads busy times (in the background). */
  completeConnect: tenantProcedure("hours.manage")
    .input(z.object({ code: zToken(2048), state: zToken(2048), nonce: zToken(200).nullable() }))
    .mutation(async ({ ctx, input }) => {
      const result = await completeGoogleConnect({
        tenantId: ctx.tenant.tenantId,
        userId: ctx.user.id,
        code: input.code,
        state: input.state,
        nonce: input.nonce,
        redirectUri: oauthRedirectUri(ctx.request),
      });
      const tenantId = ctx.tenant.tenantId;
      runInBackground(`connect:${result.connectionId}`, async () => {
        await refreshBusyBlocks(tenantId, result.connectionId);
        await catchUpConnection(tenantId, result.connectionId);
      });
      return result;
    }),

  disconnect: tenantProcedure("hours.manage")
    .input(z.object({ connectionId: ZId }))
    .mutation(({ ctx, input }) =>
      ctx.tenant.db(async (db) => {
        const connection = await getConnection(db, input.connectionId);
        assertMayManageTarget(ctx.tenant.role, connection.staffId);
        return disconnectCalendar(db, connection.id, ctx.user.id);
      }),
    ),

  /** Reads busy times now and writes whatever bookings are still owed; reports what happened. */
  syncNow: tenantProcedure("hours.manage")
    .input(z.object({ connectionId: ZId }))
    .mutation(async ({ ctx, input }) => {
      const connection = await ctx.tenant.db((db) => getConnection(db, input.connectionId));
      const tenantId = ctx.tenant.tenantId;
      const busy = await refreshBusyBlocks(tenantId, connection.id);
      const events = await catchUpConnection(tenantId, connection.id, { limit: 50 });
      const after = await ctx.tenant.db((db) => getConnection(db, connection.id));
      return {
        ok: busy.ok && events.stoppedBy === null && events.failed === 0,
        busy: busy.ok ? { ok: true as const, blocks: busy.blocks } : { ok: false as const, problem: busy.problem },
        events,
        status: after.status,
        lastError: after.lastError,
      };
    }),
});
