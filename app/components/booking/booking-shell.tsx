import { ArrowLeft } from "lucide-react";
import { accessibleBrandColor } from "~/lib/brand-color";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "~/components/language-switcher";
import type { BookingSiteView } from "./booking-types";
import { zoneAbbreviationOnDate } from "./slot-labels";

/** The frame of the booking pages: the business's name and colour, a way back to its site, the language switch. */
export function BookingShell({ site, children }: { site: BookingSiteView; children: React.ReactNode }) {
  const { t } = useTranslation("booking");
  return (
    <div className="min-h-screen bg-slate-50" style={{ ["--brand" as string]: accessibleBrandColor(site.primaryColor) }}>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-3xl items-center gap-2 px-4 py-2">
          <a
            href={site.basePath || "/"}
            className="inline-flex min-h-11 min-w-0 flex-1 items-center gap-2 rounded-md font-semibold text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            <ArrowLeft aria-hidden className="size-5 shrink-0 text-slate-500" />
            <span className="truncate">{site.name}</span>
            <span className="sr-only">{t("backToSite", { business: site.name })}</span>
          </a>
          <LanguageSwitcher />
        </div>
        <div aria-hidden className="h-1" style={{ background: "var(--brand)" }} />
      </header>
      <main className="mx-auto max-w-3xl px-4 pb-16 pt-6">{children}</main>
    </div>
  );
}

/** A moment in the business's zone, as people read it in their language. */
export function formatInZone(at: string | Date, locale: string, timeZone: string, style: "full" | "time" | "day" = "full"): string {
  const lang = locale === "es" ? "es-US" : "en-US";
  const opts: Intl.DateTimeFormatOptions =
    style === "time"
      ? { timeZone, hour: "numeric", minute: "2-digit" }
      : style === "day"
        ? { timeZone, weekday: "long", month: "long", day: "numeric" }
        : { timeZone, weekday: "long", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" };
  return new Intl.DateTimeFormat(lang, opts).format(new Date(at));
}

/** "America/Los_Angeles" readable, plus its short name on a local date ("PDT" in July, "PST" in December). */
export function zoneLabel(timeZone: string, locale: string, date: string): { zone: string; abbr: string } {
  return { zone: timeZone.replace(/_/g, " "), abbr: zoneAbbreviationOnDate(date, timeZone, locale) };
}

/** A titled white card, the building block of the booking pages. */
export function Panel({
  title,
  titleId,
  children,
  className,
}: {
  title?: React.ReactNode;
  titleId?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={title ? titleId : undefined}
      className={`rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 ${className ?? ""}`}
    >
      {title ? (
        <h2 id={titleId} className="mb-4 text-lg font-semibold text-slate-900">
          {title}
        </h2>
      ) : null}
      {children}
    </section>
  );
}
