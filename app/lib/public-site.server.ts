import { detectLocale } from "#server/i18n/i18n.server";
import { getPublicSite, type PublicSiteView } from "#server/site/public-site.server";

/** The public page of a tenant for this request, or a 404 Response (friendly page) when there is none to show. */
export async function loadPublicSite(request: Request, slug: string): Promise<PublicSiteView> {
  const site = await getPublicSite(slug, await detectLocale(request));
  if (!site) throw new Response("Not found", { status: 404 });
  return site;
}
