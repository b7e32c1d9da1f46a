import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "#server/auth/identity.server";
import { localeCookie } from "#server/i18n/i18n.server";
import { isSupportedLocale } from "#server/i18n/localized-text";
import { updateUserPreferences } from "#server/users/users.server";
import { safeRedirect } from "~/lib/api.server";

/** Switches the language: remembered in a cookie, and on the user's profile when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!isSupportedLocale(lng)) return redirect(back);
  const user = await getSessionUser(request);
  if (user) await updateUserPreferences(user.id, { locale: lng });
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(lng) } });
}

export function loader() {
  return redirect("/");
}
