import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { getSessionUser, authProvider } from "#server/auth/identity.server";
import { detectLocale, localeCookie } from "#server/i18n/i18n.server";
import { isSupportedLocale } from "#server/i18n/localized-text";
import { NotFoundPage, ErrorPage } from "~/components/error-pages";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "ServicePro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const locale = await detectLocale(request, user);
  const fromQuery = new URL(request.url).searchParams.get("lng");
  const headers = new Headers();
  // ?lng= is a choice: remember it for the next visit.
  if (isSupportedLocale(fromQuery)) headers.append("Set-Cookie", await localeCookie.serialize(fromQuery));
  return data(
    {
      locale,
      user: user ? { id: user.id, name: user.name, email: user.email, dashboardMode: user.dashboardMode, isPlatformAdmin: user.isPlatformAdmin } : null,
      authProvider: authProvider(),
    },
    { headers },
  );
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>["data"];

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
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
