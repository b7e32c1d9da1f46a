import { Link } from "@remix-run/react";
import { CalendarDays } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge, Button, Card, CardDescription, CardFooter, CardHeader, CardTitle } from "~/components/ui";
import { formatTime } from "./schedule-dates";

export interface TodaySummary {
  timeZone: string;
  count: number;
  next: { startsAt: string; customer: string | null; service: { en: string; es: string }; status: string } | null;
  requests: number;
}

/** Today's jobs at a glance on the dashboard home (Simple and Advanced), linking to the schedule. */
export function TodayCard({ today }: { today: TodaySummary }) {
  const { t, i18n } = useTranslation("schedule");
  const locale = i18n.language;
  const next = today.next;
  return (
    <Card className="flex flex-col" data-testid="today-card">
      <CardHeader>
        <div className="flex items-center gap-3">
          <span className="flex size-10 items-center justify-center rounded-lg bg-brand-50 text-brand-700">
            <CalendarDays aria-hidden className="size-5" />
          </span>
          <CardTitle className="flex-1 text-lg">{t("todayCard.title")}</CardTitle>
          {today.count ? <Badge variant="brand">{t("todayCard.count", { count: today.count })}</Badge> : null}
        </div>
        <CardDescription className="space-y-1 pt-2">
          <span className="block">
            {today.count === 0
              ? t("todayCard.none")
              : next
                ? t("todayCard.next", {
                    time: formatTime(next.startsAt, today.timeZone, locale),
                    customer: next.customer ?? t("card.walkIn"),
                    service: locale === "es" ? next.service.es : next.service.en,
                  })
                : t("todayCard.allDone")}
          </span>
          {today.requests ? (
            <span className="block font-medium text-amber-800">{t("todayCard.requests", { count: today.requests })}</span>
          ) : null}
        </CardDescription>
      </CardHeader>
      <CardFooter className="mt-auto">
        <Button asChild variant="outline" className="w-full">
          <Link to="/dashboard/schedule">{t("todayCard.action")}</Link>
        </Button>
      </CardFooter>
    </Card>
  );
}
