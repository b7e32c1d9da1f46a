import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { api, requireUser } from "~/lib/api.server";

/** Switches the business the dashboard works on (membership checked by the API). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const caller = await api(request, user);
  await caller.me.switchTenant({ tenantId: String(form.get("tenantId") ?? "") });
  return redirect("/dashboard");
}

export function loader() {
  return redirect("/dashboard");
}
