import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicSitePage, publicSiteMeta } from "~/components/public-site";
import { loadPublicSite } from "~/lib/public-site.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => publicSiteMeta(data?.site);

export async function loader({ request, params }: LoaderFunctionArgs) {
  return { site: await loadPublicSite(request, String(params.slug ?? "")) };
}

export default function PublicSiteRoute() {
  const { site } = useLoaderData<typeof loader>();
  return <PublicSitePage site={site} />;
}

export { ErrorBoundary } from "~/components/site-error-boundary";
