/** Any address nobody handles: the friendly 404 page (status 404). */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function CatchAll() {
  return null;
}
