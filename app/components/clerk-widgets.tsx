import { ClerkApp, SignIn, SignOutButton, SignUp } from "@clerk/remix";
import { Outlet } from "@remix-run/react";
import type { ReactElement } from "react";
// Same rule as the server: only paths on this site.
import { safeRedirectPath } from "#server/security/safe-redirect";

/**
 * Everything of Clerk's that the browser uses, in the one module that imports
 * @clerk/remix. root.tsx, the sign-in pages and ClerkSignOut load it lazily and only in
 * Clerk mode, so the local mode never downloads, logs or starts Clerk. Components that
 * use Clerk hooks belong here too: they only work under ClerkRoot's provider.
 */

/** The app under Clerk's provider; reads `clerkState` from the root loader data (rootAuthLoader). */
export const ClerkRoot = ClerkApp(() => <Outlet />, { afterSignOutUrl: "/" });

export function ClerkSignInPanel({ redirectTo }: { redirectTo: string }) {
  return <SignIn routing="hash" signUpUrl="/sign-up" forceRedirectUrl={safeRedirectPath(redirectTo, "/dashboard")} />;
}

export function ClerkSignUpPanel({ redirectTo }: { redirectTo: string }) {
  return <SignUp routing="hash" signInUrl="/sign-in" forceRedirectUrl={safeRedirectPath(redirectTo, "/onboarding")} />;
}

/** Ends the Clerk session (Clerk attaches the click to the one child) and goes home. */
export function ClerkSignOutButton({ children }: { children: ReactElement }) {
  return <SignOutButton redirectUrl="/">{children}</SignOutButton>;
}
