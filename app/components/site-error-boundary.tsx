import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { ErrorPage, NotFoundPage } from "~/components/error-pages";

/** Public sites: an unknown, suspended or hidden site is a friendly 404, never 401 or 500. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage kind="site" />;
  return <ErrorPage status={500} />;
}
