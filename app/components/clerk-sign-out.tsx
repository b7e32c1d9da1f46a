import { lazy, Suspense, type ReactElement } from "react";

const LazyClerkSignOutButton = lazy(() => import("~/components/clerk-widgets").then((m) => ({ default: m.ClerkSignOutButton })));

/**
 * Sign-out in Clerk mode (root data `authProvider === "clerk"`): wrap the same button the
 * local mode puts in `<Form method="post" action="/sign-out">`, with type="button".
 * Clerk ends its session and sends the person to "/". Clerk's code loads on demand.
 */
export function ClerkSignOut({ children }: { children: ReactElement }) {
  return (
    <Suspense fallback={children}>
      <LazyClerkSignOutButton>{children}</LazyClerkSignOutButton>
    </Suspense>
  );
}
