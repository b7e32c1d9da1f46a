import type { LinksFunction, LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import {
  data,
  isRouteErrorResponse,
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { clerkRootLoader } from "#server/auth/clerk-root-loader.server";
import { getSessionUser, authProvider, type AuthProvider } from "#server/auth/identity.server";
import { detectLocale, localeCookie } from "#server/i18n/i18n.server";
import { isSupportedLocale, type TLocale } from "#server/i18n/localized-text";
import type { SessionUser } from "#server/users/session-user";
import { NotFoundPage, ErrorPage } from "~/components/error-pages";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "ServicePro" }];

export type RootLoaderData = {
  locale: TLocale;
  user: Pick<SessionUser, "id" | "name" | "email" | "dashboardMode" | "isPlatformAdmin"> | null;
  authProvider: AuthProvider;
};

const publicUser = (user: SessionUser | null): RootLoaderData["user"] =>
  user
    ? { id: user.id, name: user.name, email: user.email, dashboardMode: user.dashboardMode, isPlatformAdmin: user.isPlatformAdmin }
    : null;

export async function loader(args: LoaderFunctionArgs) {
  if (authProvider() === "clerk") return clerkLoader(args);
  const { request } = args;
  const user = await getSessionUser(request);
  const locale = await detectLocale(request, user);
  const fromQuery = new URL(request.url).searchParams.get("lng");
  const headers = new Headers();
  // ?lng= is a choice: remember it for the next visit.
  if (isSupportedLocale(fromQuery)) headers.append("Set-Cookie", await localeCookie.serialize(fromQuery));
  return data(
    {
      locale,
      user: publicUser(user),
      authProvider: authProvider(),
    } satisfies RootLoaderData,
    { headers },
  );
}

/** Clerk mode: Clerk's rootAuthLoader verifies the session once and adds `clerkState` for <ClerkApp> beside our data. */
async function clerkLoader(args: LoaderFunctionArgs): Promise<TypedResponse<RootLoaderData>> {
  const { request } = args;
  const response = await clerkRootLoader(args, async (user): Promise<RootLoaderData> => ({
    locale: await detectLocale(request, user),
    user: publicUser(user),
    authProvider: "clerk",
  }));
  const fromQuery = new URL(request.url).searchParams.get("lng");
  if (isSupportedLocale(fromQuery)) response.headers.append("Set-Cookie", await localeCookie.serialize(fromQuery));
  return response as TypedResponse<RootLoaderData>;
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root") as RootLoaderData | undefined;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
  return (
    <html lang={locale} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d5ef1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full">
        {children}
        <ScrollRestoration />
        <Scripts />
        <LiveReload />
      </body>
    </html>
  );
}

// Clerk's provider is a lazy chunk loaded only in Clerk mode: the local mode never downloads or starts Clerk.
const ClerkRoot = lazy(() => import("~/components/clerk-widgets").then((m) => ({ default: m.ClerkRoot })));

export default function App() {
  const root = useRootData();
  if (root?.authProvider !== "clerk") return <Outlet />;
  // The fallback only shows if React must render on the client before the chunk arrives.
  return (
    <Suspense fallback={<Outlet />}>
      <ClerkRoot />
    </Suspense>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
