import { CalendarCheck2, CalendarOff, ShieldCheck } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Card, CardContent, CardHeader, CardTitle } from "~/components/ui";

/** Three plain sentences on what connecting does, including what happens when Google fails. */
export function HowItWorks() {
  const { t } = useTranslation("calendar");
  const items = [
    { icon: CalendarOff, text: t("howItWorks.busy") },
    { icon: CalendarCheck2, text: t("howItWorks.events") },
    { icon: ShieldCheck, text: t("howItWorks.fallback") },
  ];
  return (
    <Card>
      <CardHeader className="pb-2 sm:pb-3">
        <CardTitle as="h2" className="text-base">
          {t("howItWorks.title")}
        </CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="space-y-3 text-sm text-slate-700">
          {items.map(({ icon: Icon, text }) => (
            <li key={text} className="flex gap-3">
              <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-brand-600" />
              <span>{text}</span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
