import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet } from "@remix-run/react";
import { ArrowLeft } from "lucide-react";
import { useTranslation } from "react-i18next";
import { BrandMark } from "~/components/brand-mark";
import { LanguageSwitcher } from "~/components/language-switcher";
import { cn } from "~/components/ui";
import { requireUser } from "~/lib/api.server";

export const meta: MetaFunction = () => [{ title: "Admin · ServicePro" }];

/** Platform admin area: ServicePro staff only (others get the friendly 404). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!user.isPlatformAdmin) throw new Response("Not found", { status: 404 });
  return null;
}

export default function AdminLayout() {
  const { t } = useTranslation("admin");
  const tab = ({ isActive }: { isActive: boolean }) =>
    cn(
      "inline-flex min-h-11 items-center rounded-lg px-3 font-medium",
      isActive ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-200",
    );
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
          <Link to="/admin" className="flex items-center gap-2 font-semibold">
            <BrandMark className="size-7" /> {t("title")}
          </Link>
          <nav className="flex gap-1" aria-label={t("title")}>
            <NavLink to="/admin/tenants" className={tab}>
              {t("tenants.title")}
            </NavLink>
            <NavLink to="/admin/jobs" className={tab}>
              {t("jobs.title")}
            </NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <LanguageSwitcher />
            <Link to="/dashboard" className="inline-flex min-h-11 items-center gap-1 text-sm text-slate-700 hover:text-slate-900">
              <ArrowLeft aria-hidden className="size-4" /> {t("backToDashboard")}
            </Link>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}
