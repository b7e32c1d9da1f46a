import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Languages, PhoneCall, Rocket } from "lucide-react";
import { useTranslation } from "react-i18next";
import { getSessionUser } from "#server/auth/identity.server";
import { BrandMark } from "~/components/brand-mark";
import { LanguageSwitcher } from "~/components/language-switcher";
import { Button } from "~/components/ui";
import { CLEANMACHINE_DEMO } from "#server/packs/demo/cleanmachine";
import { resolveTenantBySlug } from "#server/tenants/resolve-tenant.server";
import { siteHostOf } from "#server/http/site-host";
import { PublicSitePage, publicSiteMeta } from "~/components/public-site";
import { loadPublicSite } from "~/lib/public-site.server";

/**
 * "/" is ServicePro's landing page on the platform host, and the tenant's public page on a
 * tenant host (custom domain or subdomain; see server/http/site-host.ts).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const siteHost = siteHostOf(request);
  if (siteHost === "unknown") throw new Response("Not found", { status: 404 });
  if (siteHost) return { kind: "site" as const, site: await loadPublicSite(request, siteHost) };
  const [user, demo] = await Promise.all([getSessionUser(request), resolveTenantBySlug(CLEANMACHINE_DEMO.slug)]);
  return { kind: "landing" as const, signedIn: Boolean(user), demoSlug: demo?.slug ?? null };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data?.kind === "site" ? publicSiteMeta(data.site) : [{ title: "ServicePro" }];

export default function Index() {
  const data = useLoaderData<typeof loader>();
  return data.kind === "site" ? <PublicSitePage site={data.site} /> : <Landing signedIn={data.signedIn} demoSlug={data.demoSlug} />;
}

export { ErrorBoundary } from "~/components/site-error-boundary";

function Landing({ signedIn, demoSlug }: { signedIn: boolean; demoSlug: string | null }) {
  const { t } = useTranslation("common");
  const features = [
    { icon: Rocket, key: "onboarding" },
    { icon: Languages, key: "bilingual" },
    { icon: PhoneCall, key: "phone" },
  ] as const;
  return (
    <div className="min-h-screen bg-gradient-to-b from-brand-50 via-white to-white">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
        <span className="flex items-center gap-2 font-semibold">
          <BrandMark className="size-8" /> {t("appName")}
        </span>
        <div className="flex items-center gap-2">
          <LanguageSwitcher />
          <Button asChild variant="ghost" size="sm" className="hidden sm:inline-flex">
            <Link to={signedIn ? "/dashboard" : "/sign-in"}>{signedIn ? t("dashboard") : t("signIn")}</Link>
          </Button>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 pb-16 pt-10 sm:pt-20">
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-6xl">{t("landing.title")}</h1>
        <p className="mt-6 max-w-2xl text-lg text-slate-700">{t("landing.subtitle")}</p>
        <div className="mt-8 flex flex-col gap-3 sm:flex-row">
          <Button asChild size="lg">
            <Link to={signedIn ? "/dashboard" : "/sign-up"}>{t("landing.getStarted")}</Link>
          </Button>
          {demoSlug ? (
            <Button asChild size="lg" variant="outline">
              <Link to={`/s/${demoSlug}`}>{t("landing.seeDemo")}</Link>
            </Button>
          ) : null}
        </div>
        {!signedIn ? (
          <p className="mt-4 text-slate-600">
            {t("landing.haveAccount")}{" "}
            <Link to="/sign-in" className="font-medium text-brand-700 underline-offset-4 hover:underline">
              {t("signIn")}
            </Link>
          </p>
        ) : null}
        <ul className="mt-16 grid gap-6 sm:grid-cols-3">
          {features.map(({ icon: Icon, key }) => (
            <li key={key} className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
              <Icon aria-hidden className="size-7 text-brand-600" />
              <h2 className="mt-4 text-lg font-semibold">{t(`landing.features.${key}.title`)}</h2>
              <p className="mt-2 text-slate-600">{t(`landing.features.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
