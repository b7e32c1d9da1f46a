import { createCookieSessionStorage } from "@remix-run/node";
import { env, isProductionDeployment } from "../env.server";

/**
 * The signed session cookie of the local sign-in (and flash messages for both sign-in
 * kinds). HttpOnly, SameSite=Lax (no cross-site POST carries it), Secure in production.
 */
const DEV_SESSION_SECRET = "servicepro-development-session-secret";

let storage: ReturnType<typeof createCookieSessionStorage<SessionData, SessionFlash>> | undefined;

export interface SessionData {
  userId: string;
}
export interface SessionFlash {
  toast: string;
}

export function sessionStorage() {
  if (!storage) {
    const e = env();
    storage = createCookieSessionStorage<SessionData, SessionFlash>({
      cookie: {
        name: "__sp_session",
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: isProductionDeployment(e),
        secrets: [e.SESSION_SECRET ?? DEV_SESSION_SECRET],
        maxAge: 60 * 60 * 24 * 30,
      },
    });
  }
  return storage;
}

export function getSession(request: Request) {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}
