import { z } from "zod";
import { withTenant, type TenantDb } from "../db/db.server";
import { calendarPort, CalendarAuthError, type CalendarPort, type CalendarTokens } from "../integrations/google-calendar";
import { getIntegrationSecret, putIntegrationSecret } from "../integrations/secrets.server";

/**
 * A connection's Google grant, encrypted in integration_secrets under `google:<connectionId>`.
 * Reads and writes happen in short tenant transactions; every call to Google happens
 * between them, never inside one.
 */
const ZStoredGrant = z.object({
  refreshToken: z.string().min(1),
  accessToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
  scope: z.string().nullable().default(null),
});
export type TStoredGrant = z.infer<typeof ZStoredGrant>;

/** The integration_secrets provider key of a connection. */
export const grantSecretKey = (connectionId: string) => `google:${connectionId}`;

/** An access token this close to expiry is refreshed first. */
const EXPIRY_MARGIN_MS = 60_000;

export async function storeGrant(db: TenantDb, connectionId: string, tokens: CalendarTokens & { refreshToken: string }): Promise<void> {
  const grant: TStoredGrant = {
    refreshToken: tokens.refreshToken,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt.toISOString(),
    scope: tokens.scope,
  };
  await putIntegrationSecret(db, grantSecretKey(connectionId), JSON.stringify(grant));
}

export async function readGrant(db: TenantDb, connectionId: string): Promise<TStoredGrant | null> {
  const raw = await getIntegrationSecret(db, grantSecretKey(connectionId));
  if (!raw) return null;
  const parsed = ZStoredGrant.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

export interface GoogleAccess {
  port: CalendarPort;
  accessToken: string;
  calendarId: string;
}

/**
 * Runs `fn` with a working access token for the connection: refreshed first when it is
 * (nearly) expired, and once more if Google answers 401 with a token we had not just
 * refreshed. A refresh refused with invalid_grant (revoked, expired, password changed)
 * surfaces as CalendarAuthError; so does a connection already marked DISCONNECTED.
 */
export async function withGoogleAccess<T>(
  tenantId: string,
  connectionId: string,
  fn: (access: GoogleAccess) => Promise<T>,
  now: () => Date = () => new Date(),
): Promise<T> {
  const port = calendarPort();
  const loaded = await withTenant(tenantId, async (db) => {
    const connection = await db.calendarConnection.findUnique({
      where: { id: connectionId },
      select: { status: true, externalCalendarId: true },
    });
    return connection ? { connection, grant: await readGrant(db, connectionId) } : null;
  });
  if (!loaded) throw new CalendarAuthError("the calendar connection no longer exists");
  if (loaded.connection.status === "DISCONNECTED")
    throw new CalendarAuthError("the calendar connection is disconnected; the owner must reconnect");
  if (!loaded.grant) throw new CalendarAuthError("no Google grant is stored for this connection");
  const grant = loaded.grant;

  const refresh = async (): Promise<string> => {
    const tokens = await port.refresh(grant.refreshToken);
    await withTenant(tenantId, async (db) => {
      // A disconnect that happened meanwhile wins: never bring its secret back.
      const still = await db.calendarConnection.findUnique({ where: { id: connectionId }, select: { id: true } });
      if (still) await storeGrant(db, connectionId, { ...tokens, refreshToken: tokens.refreshToken ?? grant.refreshToken });
    });
    return tokens.accessToken;
  };

  const expiresAt = grant.expiresAt ? Date.parse(grant.expiresAt) : 0;
  let fresh = false;
  let accessToken = grant.accessToken;
  if (!accessToken || !(expiresAt - EXPIRY_MARGIN_MS > now().getTime())) {
    accessToken = await refresh();
    fresh = true;
  }
  const calendarId = loaded.connection.externalCalendarId;
  try {
    return await fn({ port, accessToken, calendarId });
  } catch (error) {
    if (!(error instanceof CalendarAuthError) || fresh) throw error;
    // The stored token was refused early (revoked session, clock skew): one refresh, one retry.
    return fn({ port, accessToken: await refresh(), calendarId });
  }
}
