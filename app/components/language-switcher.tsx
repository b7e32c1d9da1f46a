import { Form, useLocation } from "@remix-run/react";
import { Languages } from "lucide-react";
import { useTranslation } from "react-i18next";
import { cn } from "~/components/ui";

/** EN | ES switch. A plain form post, so it works before (and without) JavaScript. */
export function LanguageSwitcher({ className, tone = "light" }: { className?: string; tone?: "light" | "dark" }) {
  const { t, i18n } = useTranslation("common");
  const location = useLocation();
  const current = i18n.language?.startsWith("es") ? "es" : "en";
  const redirectTo = location.pathname + location.search.replace(/([?&])lng=[^&]*&?/, "$1").replace(/[?&]$/, "");
  return (
    <Form
      noValidate
      method="post"
      action="/set-locale"
      className={cn("flex items-center gap-1", className)}
      aria-label={t("switchLanguage")}
    >
      <Languages aria-hidden className={cn("size-4", tone === "dark" ? "text-slate-300" : "text-slate-500")} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {(["en", "es"] as const).map((lng) => (
        <button
          key={lng}
          type="submit"
          name="lng"
          value={lng}
          lang={lng}
          aria-pressed={current === lng}
          className={cn(
            "min-h-11 min-w-11 rounded-md px-2 text-sm font-medium sm:min-h-8 sm:min-w-8",
            "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
            current === lng
              ? tone === "dark"
                ? "bg-white/15 text-white"
                : "bg-brand-50 text-brand-800"
              : tone === "dark"
                ? "text-slate-300 hover:text-white"
                : "text-slate-600 hover:text-slate-900",
          )}
        >
          {t(`languages.${lng}`)}
        </button>
      ))}
    </Form>
  );
}
