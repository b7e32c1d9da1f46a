import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Bot, Clock, CreditCard, ExternalLink, Gift, Globe, Mail, Phone, Tags, Users, Wallet } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Alert, Badge, Button, Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle, PageHeader } from "~/components/ui";
import { requireMember } from "~/lib/dashboard.server";
import { TodayCard } from "~/components/schedule/today-card";
import { loadTodaySummary } from "~/components/schedule/schedule-loader.server";
import { formatCents } from "#server/money/money";
import { WIZARD_DAYS } from "~/lib/onboarding-machine";
import { pickLocale } from "#server/i18n/localized-text";
import { isSignalWireConfigured } from "#server/env.server";
import { formatPhone } from "#server/customers/phone";
import { loyaltyLive } from "#server/loyalty/loyalty-live";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, caller, current, locale } = await requireMember(request);
  const [config, services, team, tenant] = await Promise.all([
    caller.config.all(),
    caller.services.list(),
    caller.team.list(),
    caller.tenants.current(),
  ]);
  const prices = services.map((s) => s.priceCents);
  const today = await loadTodaySummary(caller, tenant.tenant.timeZone);
  return {
    mode: user.dashboardMode,
    firstName: user.name.split(" ")[0],
    tenant: tenant.tenant,
    role: current.role,
    locale,
    phone: { mode: config.PHONE.mode, number: config.PHONE.number, simulatorMode: !isSignalWireConfigured() },
    hours: config.HOURS.weekly,
    services: { count: services.length, min: prices.length ? Math.min(...prices) : null, max: prices.length ? Math.max(...prices) : null },
    site: { published: config.SITE.published, headline: pickLocale(config.SITE.headline, locale) },
    loyalty: {
      ...config.LOYALTY,
      live: loyaltyLive({ id: current.tenantId }),
      reward: pickLocale(config.LOYALTY.rewardDescription, locale),
    },
    plan: config.BILLING.plan,
    teamCount: team.members.length,
    today,
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function DashboardHome() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation(["dashboard", "common"]);
  const simple = d.mode === "SIMPLE";
  return (
    <div>
      <PageHeader title={t("home.greeting", { name: d.firstName })} description={t("home.subtitle", { business: d.tenant.name })} />
      {d.tenant.status === "SUSPENDED" ? <Alert variant="danger" className="mb-6" description={t("home.suspended")} /> : null}
      <p className="mb-4 text-sm text-slate-600" data-testid="mode-hint">
        {simple ? t("mode.simpleHint") : t("mode.advancedHint")}
      </p>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid={simple ? "simple-cards" : "advanced-cards"}>
        <TodayCard today={d.today} />
        <PhoneCard d={d} />
        <HoursCard d={d} />
        <ServicesCard d={d} />
        <PricingCard d={d} />
        <SiteCard d={d} />
        <LoyaltyCard d={d} />
        {simple ? null : (
          <>
            <SettingsCard
              icon={Bot}
              title={t("cards.ai.title")}
              body={t("cards.ai.body")}
              to="/dashboard/settings/ai"
              action={t("cards.ai.action")}
            />
            <SettingsCard
              icon={Mail}
              title={t("cards.email.title")}
              body={t("cards.email.body")}
              to="/dashboard/settings/email"
              action={t("cards.email.action")}
            />
            <SettingsCard
              icon={CreditCard}
              title={t("cards.billing.title")}
              body={`${t("cards.billing.body", { plan: t(`plans.${d.plan}`) })} ${t("cards.billing.notYet")}`}
              to="/dashboard/settings/billing"
              action={t("cards.billing.action")}
              badge={t("common:comingSoon")}
            />
            <SettingsCard
              icon={Users}
              title={t("cards.team.title")}
              body={t("cards.team.body", { count: d.teamCount })}
              to="/dashboard/team"
              action={t("cards.team.action")}
            />
          </>
        )}
      </div>
    </div>
  );
}

function SettingsCard({
  icon: Icon,
  title,
  body,
  to,
  action,
  badge,
  extra,
}: {
  icon: typeof Phone;
  title: string;
  body: React.ReactNode;
  to: string;
  action: string;
  badge?: string;
  extra?: React.ReactNode;
}) {
  return (
    <Card className="flex flex-col">
      <CardHeader>
        <div className="flex items-center gap-3">
          <span className="flex size-10 items-center justify-center rounded-lg bg-brand-50 text-brand-700">
            <Icon aria-hidden className="size-5" />
          </span>
          <CardTitle className="flex-1 text-lg">{title}</CardTitle>
          {badge ? <Badge variant="warning">{badge}</Badge> : null}
        </div>
        <CardDescription className="pt-2">{body}</CardDescription>
      </CardHeader>
      {extra ? <CardContent className="text-sm text-slate-700">{extra}</CardContent> : null}
      <CardFooter className="mt-auto">
        <Button asChild variant="outline" className="w-full">
          <Link to={to}>{action}</Link>
        </Button>
      </CardFooter>
    </Card>
  );
}

function PhoneCard({ d }: { d: Data }) {
  const { t } = useTranslation(["dashboard", "phone"]);
  return (
    <SettingsCard
      icon={Phone}
      title={t("cards.phone.title")}
      body={t("cards.phone.body")}
      to="/dashboard/phone"
      action={t("phone:card.action")}
      extra={
        <ul className="space-y-0.5" data-testid="phone-status">
          <li>{d.phone.number ? t("phone:card.number", { number: formatPhone(d.phone.number) }) : t("phone:card.notSetUp")}</li>
          <li>{t("phone:card.mode", { mode: t(`phone:setup.modes.${d.phone.mode}.label`) })}</li>
          {d.phone.simulatorMode ? <li className="text-slate-600">{t("phone:card.simulator")}</li> : null}
        </ul>
      }
    />
  );
}

function HoursCard({ d }: { d: Data }) {
  const { t } = useTranslation(["dashboard", "common"]);
  const open = WIZARD_DAYS.filter((day) => d.hours[day].length > 0);
  return (
    <SettingsCard
      icon={Clock}
      title={t("cards.hours.title")}
      body={t("cards.hours.body")}
      to="/dashboard/settings/hours"
      action={t("cards.hours.action")}
      extra={
        open.length ? (
          <ul className="space-y-0.5">
            {open.map((day) => (
              <li key={day} className="flex justify-between">
                <span>{t(`common:daysShort.${day}`)}</span>
                <span className="tabular-nums">{d.hours[day].map((r) => `${r.open}–${r.close}`).join(", ")}</span>
              </li>
            ))}
          </ul>
        ) : (
          t("cards.hours.closedAllWeek")
        )
      }
    />
  );
}

function ServicesCard({ d }: { d: Data }) {
  const { t } = useTranslation("dashboard");
  return (
    <SettingsCard
      icon={Tags}
      title={t("cards.services.title")}
      body={t("cards.services.body", { count: d.services.count })}
      to="/dashboard/services"
      action={t("cards.services.action")}
    />
  );
}

function PricingCard({ d }: { d: Data }) {
  const { t } = useTranslation("dashboard");
  const body =
    d.services.min === null || d.services.max === null
      ? t("cards.pricing.empty")
      : t("cards.pricing.body", { min: formatCents(d.services.min, d.locale), max: formatCents(d.services.max, d.locale) });
  return (
    <SettingsCard icon={Wallet} title={t("cards.pricing.title")} body={body} to="/dashboard/services" action={t("cards.pricing.action")} />
  );
}

function SiteCard({ d }: { d: Data }) {
  const { t } = useTranslation("dashboard");
  return (
    <SettingsCard
      icon={Globe}
      title={t("cards.site.title")}
      body={d.site.published ? t("cards.site.body") : t("cards.site.offline")}
      to="/dashboard/settings/site"
      action={t("cards.site.action")}
      extra={
        <a
          className="inline-flex items-center gap-1 font-medium text-brand-700 underline-offset-4 hover:underline"
          href={`/s/${d.tenant.slug}`}
          target="_blank"
          rel="noreferrer"
        >
          /s/{d.tenant.slug} <ExternalLink aria-hidden className="size-4" />
        </a>
      }
    />
  );
}

function LoyaltyCard({ d }: { d: Data }) {
  const { t } = useTranslation(["dashboard", "common"]);
  // No points exist until the loyalty module is live: say so instead of promising them.
  const body = !d.loyalty.live
    ? t("cards.loyalty.notLive")
    : d.loyalty.enabled
      ? t("cards.loyalty.on", { count: d.loyalty.pointsPerDollar, threshold: d.loyalty.rewardThresholdPoints, reward: d.loyalty.reward })
      : t("cards.loyalty.off");
  return (
    <SettingsCard
      icon={Gift}
      title={t("cards.loyalty.title")}
      body={body}
      badge={t("common:comingSoon")}
      to="/dashboard/settings/loyalty"
      action={t("cards.loyalty.action")}
      extra={t("cards.loyalty.notYet")}
    />
  );
}
