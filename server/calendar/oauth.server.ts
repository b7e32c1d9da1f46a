import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { withTenant } from "../db/db.server";
import { env, isProductionDeployment } from "../env.server";
import { Invalid } from "../errors/domain-errors";
import { calendarPort, CalendarError, isCalendarError, type ExternalCalendar } from "../integrations/google-calendar";
import { logger } from "../observability/logger.server";
import { bookingScope, CALENDAR_PROVIDER, resolveTarget, WRITTEN_STATUSES } from "./connections.server";
import { storeGrant } from "./tokens.server";

/**
 * Connecting a Google Calendar (OAuth 2.0 authorization code flow).
 *
 * CSRF and mix-up safety: `state` is an HMAC-signed, 10-minute token naming the tenant,
 * the signed-in user, the target (business or staff member) and a random nonce; the same
 * nonce is also put in an HttpOnly SameSite=Lax cookie on this browser. The callback
 * accepts a code only when the signature, expiry, user, tenant and cookie all match, so a
 * link crafted by someone else (or a state from another session) is refused.
 */
const STATE_TTL_SECONDS = 10 * 60;
const DEV_STATE_SECRET = "servicepro-development-oauth-state-secret";
export const OAUTH_NONCE_COOKIE = "__sp_gcal_oauth";
export const OAUTH_CALLBACK_PATH = "/oauth/google/callback";

export interface OAuthState {
  v: 1;
  /** Tenant id. */
  tid: string;
  /** User id of the member who started the flow. */
  uid: string;
  /** Target staff id; null = the business calendar. */
  sid: string | null;
  /** Random, also in the browser's cookie. */
  n: string;
  /** Expiry (seconds since epoch). */
  exp: number;
}

function stateKey(): Buffer {
  const secret = env().SESSION_SECRET ?? DEV_STATE_SECRET;
  // A key of its own, so a state can never double as a session signature.
  return createHmac("sha256", secret).update("google-calendar-oauth-state").digest();
}

const sign = (body: string) => createHmac("sha256", stateKey()).update(body).digest("base64url");

export function signOAuthState(state: OAuthState): string {
  const body = Buffer.from(JSON.stringify(state)).toString("base64url");
  return `${body}.${sign(body)}`;
}

/** The state's facts when its signature and expiry hold; null otherwise (tampered, expired, malformed). */
export function readOAuthState(token: string, now = new Date()): OAuthState | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const state = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as OAuthState;
    if (state.v !== 1 || typeof state.tid !== "string" || typeof state.uid !== "string" || typeof state.n !== "string") return null;
    if (typeof state.exp !== "number" || state.exp * 1000 < now.getTime()) return null;
    return state;
  } catch {
    return null;
  }
}

/** Where Google sends the owner back: APP_URL when set (required in production), else this request's origin. */
export function oauthRedirectUri(request: Request): string {
  const base = env().APP_URL ?? new URL(request.url).origin;
  return `${base.replace(/\/$/, "")}${OAUTH_CALLBACK_PATH}`;
}

/** The Set-Cookie value carrying the nonce (or clearing it with an empty nonce). */
export function nonceCookie(nonce: string): string {
  const secure = isProductionDeployment() ? "; Secure" : "";
  const maxAge = nonce ? STATE_TTL_SECONDS : 0;
  return `${OAUTH_NONCE_COOKIE}=${nonce}; Path=/oauth/google; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export function readNonceCookie(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === OAUTH_NONCE_COOKIE) return rest.join("=") || null;
  }
  return null;
}

/** Step 1: the URL to send the member to, and the nonce for their browser's cookie. */
export async function startGoogleConnect(input: {
  tenantId: string;
  userId: string;
  staffId: string | null;
  redirectUri: string;
  now?: Date;
}): Promise<{ url: string; nonce: string }> {
  const port = calendarPort();
  if (!port.configured) throw Invalid("calendar:errors.notConfigured");
  const target = await withTenant(input.tenantId, (db) => resolveTarget(db, input.staffId));
  const nonce = randomBytes(18).toString("base64url");
  const exp = Math.floor((input.now ?? new Date()).getTime() / 1000) + STATE_TTL_SECONDS;
  const state = signOAuthState({ v: 1, tid: input.tenantId, uid: input.userId, sid: target.staffId, n: nonce, exp });
  return { url: port.authorizeUrl(state, input.redirectUri), nonce };
}

export interface CompletedConnect {
  connectionId: string;
  staffId: string | null;
  reconnected: boolean;
  accountEmail: string;
}

/**
 * Step 2 (the callback): checks the state against this user, tenant and browser, swaps
 * the code for tokens, picks the account's primary calendar, and stores the connection
 * (a reconnect revives the existing row, so its bookings keep their place). The network
 * calls happen before the transaction that records the result.
 */
export async function completeGoogleConnect(input: {
  tenantId: string;
  userId: string;
  code: string;
  state: string;
  nonce: string | null;
  redirectUri: string;
  now?: Date;
}): Promise<CompletedConnect> {
  const state = readOAuthState(input.state, input.now);
  const nonceOk =
    state && input.nonce && state.n.length === input.nonce.length && timingSafeEqual(Buffer.from(state.n), Buffer.from(input.nonce));
  if (!state || state.uid !== input.userId || state.tid !== input.tenantId || !nonceOk) {
    logger.warn(
      { tenantId: input.tenantId, userId: input.userId, stateValid: Boolean(state), nonceOk: Boolean(nonceOk) },
      "calendar OAuth callback refused: state mismatch",
    );
    throw Invalid("calendar:errors.badState");
  }
  const port = calendarPort();
  if (!port.configured) throw Invalid("calendar:errors.notConfigured");

  let tokens;
  let calendar: ExternalCalendar | undefined;
  try {
    tokens = await port.exchangeCode(input.code, input.redirectUri);
    const calendars = await port.listCalendars(tokens.accessToken);
    calendar =
      calendars.find((c) => c.primary && (c.accessRole === "owner" || c.accessRole === "writer")) ??
      calendars.find((c) => c.accessRole === "owner");
  } catch (error) {
    if (!isCalendarError(error)) throw error;
    logger.warn(
      { tenantId: input.tenantId, problem: (error as CalendarError).problem, err: (error as Error).message },
      "calendar OAuth exchange failed",
    );
    throw Invalid("calendar:errors.googleRefused");
  }
  if (!tokens.refreshToken) throw Invalid("calendar:errors.noRefreshToken");
  if (!calendar) throw Invalid("calendar:errors.noWritableCalendar");
  const refreshToken = tokens.refreshToken;
  const chosen = calendar;

  return withTenant(
    input.tenantId,
    async (db) => {
      const target = await resolveTarget(db, state.sid);
      // One connection per target even if two callbacks race (double click, two tabs).
      await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`calendar-connection:${db.tenantId}:${target.staffId ?? "business"}`}))`;
      const existing = await db.calendarConnection.findFirst({ where: { staffId: target.staffId }, orderBy: { createdAt: "asc" } });
      const data = {
        provider: CALENDAR_PROVIDER,
        status: "CONNECTED" as const,
        externalCalendarId: chosen.id,
        accountEmail: chosen.id.includes("@") ? chosen.id : null,
        consecutiveFailures: 0,
        lastError: null,
      };
      const row = existing
        ? await db.calendarConnection.update({ where: { id: existing.id }, data })
        : await db.calendarConnection.create({ data: { ...data, tenantId: db.tenantId, staffId: target.staffId } });
      if (existing && existing.externalCalendarId !== chosen.id) {
        // Another Google calendar now: future bookings are written there afresh.
        const scope = await bookingScope(db, row);
        await db.booking.updateMany({
          where: {
            AND: [scope, { endsAt: { gte: input.now ?? new Date() }, calendarSyncStatus: "SYNCED", status: { in: [...WRITTEN_STATUSES] } }],
          },
          data: { calendarSyncStatus: "PENDING", externalEventId: null },
        });
      }
      await storeGrant(db, row.id, { ...tokens, refreshToken });
      await db.auditEntry.create({
        data: {
          tenantId: db.tenantId,
          actorUserId: input.userId,
          action: existing ? "calendar.reconnected" : "calendar.connected",
          targetType: "calendar_connection",
          targetId: row.id,
          data: { staffId: target.staffId, accountEmail: row.accountEmail },
        },
      });
      return {
        connectionId: row.id,
        staffId: target.staffId,
        reconnected: Boolean(existing),
        accountEmail: row.accountEmail ?? row.externalCalendarId,
      };
    },
    { userId: input.userId },
  );
}
