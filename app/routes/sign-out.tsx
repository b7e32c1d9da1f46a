import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSession, sessionStorage } from "#server/auth/session.server";

/** Ends the local session (Clerk's own sign-out button ends a Clerk session). */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  return redirect("/", { headers: { "Set-Cookie": await sessionStorage().destroySession(session) } });
}

export function loader() {
  return redirect("/");
}
