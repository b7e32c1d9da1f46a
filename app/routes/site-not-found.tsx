/** Where the tenant-host rewrite sends an unknown or suspended custom domain / subdomain. */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function SiteNotFound() {
  return null;
}

export { ErrorBoundary } from "~/components/site-error-boundary";
