import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, NavLink, Outlet, useLoaderData, useRevalidator, useRouteLoaderData } from "@remix-run/react";
import {
  Briefcase,
  CalendarDays,
  ChevronsUpDown,
  Contact,
  ExternalLink,
  Home,
  LogOut,
  Menu,
  Phone,
  Plus,
  ServerCog,
  Settings,
  Store,
  Tags,
  Users,
} from "lucide-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { BrandMark } from "~/components/brand-mark";
import { LanguageSwitcher } from "~/components/language-switcher";
import {
  Button,
  cn,
  Dialog,
  DialogContent,
  DialogTitle,
  DialogTrigger,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  SegmentedControl,
} from "~/components/ui";
import { ClerkSignOut } from "~/components/clerk-sign-out";
import { InboxNavIcon } from "~/components/inbox/inbox-nav-icon";
import { requireMember } from "~/lib/dashboard.server";
import { useRootData } from "~/root";
import { setClientTenant, trpc } from "~/lib/trpc";

export const meta: MetaFunction = () => [{ title: "Dashboard · ServicePro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, tenants, current } = await requireMember(request);
  return {
    user: { id: user.id, name: user.name, email: user.email, dashboardMode: user.dashboardMode, isPlatformAdmin: user.isPlatformAdmin },
    tenants,
    current,
  };
}

export function useDashboardData() {
  return useRouteLoaderData<typeof loader>("routes/dashboard")!;
}

type NavItem = { to: string; label: string; icon: typeof Home; end?: boolean };

export default function DashboardLayout() {
  const { user, current, tenants } = useLoaderData<typeof loader>();
  const { t } = useTranslation("dashboard");
  const [menuOpen, setMenuOpen] = useState(false);

  // Every browser API call says which business it is about.
  useEffect(() => setClientTenant(current.tenantId), [current.tenantId]);

  const items: NavItem[] = [
    { to: "/dashboard", label: t("nav.home"), icon: Home, end: true },
    { to: "/dashboard/schedule", label: t("schedule:nav"), icon: CalendarDays },
    { to: "/dashboard/customers", label: t("customers:nav"), icon: Contact },
    { to: "/dashboard/services", label: t("nav.services"), icon: Tags },
    { to: "/dashboard/inbox", label: t("inbox:nav"), icon: InboxNavIcon },
    { to: "/dashboard/phone", label: t("phone:title"), icon: Phone },
    { to: "/dashboard/team", label: t("nav.team"), icon: Users },
    { to: "/dashboard/settings", label: t("nav.settings"), icon: Settings },
  ];
  const adminItems: NavItem[] = user.isPlatformAdmin
    ? [
        { to: "/admin/tenants", label: t("nav.tenants"), icon: Store },
        { to: "/admin/jobs", label: t("nav.jobs"), icon: ServerCog },
      ]
    : [];

  const nav = (onNavigate?: () => void) => (
    <nav aria-label={t("nav.menu")} className="flex flex-col gap-1">
      {items.map((item) => (
        <SideLink key={item.to} item={item} onNavigate={onNavigate} />
      ))}
      <a href={`/s/${current.slug}`} target="_blank" rel="noreferrer" className={linkClass(false)}>
        <ExternalLink aria-hidden className="size-5" /> {t("nav.publicSite")}
      </a>
      {adminItems.length ? (
        <p className="mt-4 px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("nav.admin")}</p>
      ) : null}
      {adminItems.map((item) => (
        <SideLink key={item.to} item={item} onNavigate={onNavigate} />
      ))}
    </nav>
  );

  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[16rem_1fr]">
      <aside className="hidden border-r border-slate-200 bg-white lg:flex lg:flex-col lg:gap-6 lg:p-4">
        <Link to="/dashboard" className="flex items-center gap-2 px-2 font-semibold">
          <BrandMark className="size-8" /> ServicePro
        </Link>
        <TenantSwitcher current={current} tenants={tenants} />
        {nav()}
        <div className="mt-auto space-y-3">
          <LanguageSwitcher className="px-2" />
          <AccountFooter name={user.name} email={user.email} />
        </div>
      </aside>

      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-20 flex items-center gap-2 border-b border-slate-200 bg-white/95 px-3 py-2 backdrop-blur lg:hidden">
          <Dialog open={menuOpen} onOpenChange={setMenuOpen}>
            <DialogTrigger asChild>
              <Button variant="ghost" size="icon" aria-label={t("nav.menu")}>
                <Menu />
              </Button>
            </DialogTrigger>
            <DialogContent closeLabel={t("common:close")} className="flex flex-col gap-6">
              <DialogTitle className="flex items-center gap-2">
                <BrandMark className="size-7" /> ServicePro
              </DialogTitle>
              <TenantSwitcher current={current} tenants={tenants} />
              {nav(() => setMenuOpen(false))}
              <LanguageSwitcher />
              <AccountFooter name={user.name} email={user.email} />
            </DialogContent>
          </Dialog>
          <p className="min-w-0 flex-1 truncate font-semibold">{current.name}</p>
          <ModeToggle mode={user.dashboardMode} compact />
        </header>
        <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:px-6 lg:py-8">
          <div className="mb-4 hidden justify-end lg:flex">
            <ModeToggle mode={user.dashboardMode} />
          </div>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function linkClass(active: boolean) {
  return cn(
    "flex min-h-11 items-center gap-3 rounded-lg px-3 text-base font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 lg:min-h-10 lg:text-sm",
    active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100",
  );
}

function SideLink({ item, onNavigate }: { item: NavItem; onNavigate?: () => void }) {
  const Icon = item.icon;
  return (
    <NavLink to={item.to} end={item.end} prefetch="intent" onClick={onNavigate} className={({ isActive }) => linkClass(isActive)}>
      <Icon aria-hidden className="size-5" /> {item.label}
    </NavLink>
  );
}

/** Simple / Advanced, saved on the user's profile through the typed API client. */
function ModeToggle({ mode, compact }: { mode: "SIMPLE" | "ADVANCED"; compact?: boolean }) {
  const { t } = useTranslation("dashboard");
  const revalidator = useRevalidator();
  const [value, setValue] = useState(mode);
  useEffect(() => setValue(mode), [mode]);
  return (
    <SegmentedControl
      label={t("mode.label")}
      size={compact ? "sm" : "md"}
      value={value}
      onValueChange={async (v) => {
        const next = v as "SIMPLE" | "ADVANCED";
        setValue(next);
        await trpc.me.updatePreferences.mutate({ dashboardMode: next });
        revalidator.revalidate();
      }}
      options={[
        { value: "SIMPLE", label: t("mode.simple") },
        { value: "ADVANCED", label: t("mode.advanced") },
      ]}
      data-testid="mode-toggle"
    />
  );
}

function TenantSwitcher({
  current,
  tenants,
}: {
  current: { tenantId: string; name: string; role: string };
  tenants: Array<{ tenantId: string; name: string; role: string }>;
}) {
  const { t } = useTranslation(["dashboard", "common"]);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <button className="flex min-h-12 w-full items-center gap-3 rounded-xl border border-slate-200 px-3 text-left hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
          <Briefcase aria-hidden className="size-5 text-slate-500" />
          <span className="sr-only">{t("nav.switchBusiness")}: </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate font-medium">{current.name}</span>
            <span className="block text-xs text-slate-600">{t(`common:roles.${current.role}`)}</span>
          </span>
          <ChevronsUpDown aria-hidden className="size-4 text-slate-500" />
        </button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel>{t("nav.switchBusiness")}</DropdownMenuLabel>
        {tenants.map((tn) => (
          <Form noValidate key={tn.tenantId} method="post" action="/dashboard/switch">
            <input type="hidden" name="tenantId" value={tn.tenantId} />
            <DropdownMenuItem asChild>
              <button type="submit" className="w-full">
                {tn.name}
              </button>
            </DropdownMenuItem>
          </Form>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to="/onboarding">
            <Plus aria-hidden className="size-4" /> {t("nav.newBusiness")}
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function AccountFooter({ name, email }: { name: string; email: string }) {
  const { t } = useTranslation("common");
  const clerk = useRootData()?.authProvider === "clerk";
  return (
    <div className="flex items-center gap-2 rounded-xl bg-slate-50 p-2">
      <div className="min-w-0 flex-1 px-1">
        <p className="truncate text-sm font-medium">{name}</p>
        <p className="truncate text-xs text-slate-600">{email}</p>
      </div>
      {clerk ? (
        <ClerkSignOut>
          <Button type="button" variant="ghost" size="icon" aria-label={t("signOut")}>
            <LogOut />
          </Button>
        </ClerkSignOut>
      ) : (
        <Form noValidate method="post" action="/sign-out">
          <Button type="submit" variant="ghost" size="icon" aria-label={t("signOut")}>
            <LogOut />
          </Button>
        </Form>
      )}
    </div>
  );
}
