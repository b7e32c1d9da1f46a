import { Building2, User } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui";
import { ConnectButton } from "./connect-button";

export interface AddCalendarProps {
  targets: Array<{ staffId: string | null; staffName: string | null }>;
  canManageBusiness: boolean;
  /** Nothing connected yet: the business calendar is the main call to action. */
  first: boolean;
}

/** The calendars that could be connected: the business's, and each team member's own. */
export function AddCalendar({ targets, canManageBusiness, first }: AddCalendarProps) {
  const { t } = useTranslation("calendar");
  if (!targets.length) return null;
  return (
    <Card>
      <CardHeader className="pb-2 sm:pb-3">
        <CardTitle as="h2" className="text-base">
          {t("addCalendars")}
        </CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="divide-y divide-slate-200">
          {targets.map((target) => {
            const business = target.staffId === null;
            const allowed = !business || canManageBusiness;
            const Icon = business ? Building2 : User;
            return (
              <li key={target.staffId ?? "business"} className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center">
                <div className="flex min-w-0 flex-1 items-start gap-3">
                  <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-500" />
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">
                      {business ? t("targets.business") : t("targets.staff", { name: target.staffName })}
                    </p>
                    <p className="text-sm text-slate-600">
                      {business ? t("targets.businessHint") : t("targets.staffHint", { name: target.staffName })}
                    </p>
                    {!allowed ? <p className="text-sm text-slate-500">{t("ownerOnly")}</p> : null}
                  </div>
                </div>
                {allowed ? (
                  <ConnectButton
                    staffId={target.staffId}
                    label={t("connect")}
                    variant={first && business ? "primary" : "outline"}
                    className="sm:shrink-0"
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
