import { useRevalidator } from "@remix-run/react";
import { SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui";
import type { DashboardMode } from "~/lib/config-forms";
import { trpc } from "~/lib/trpc";

/** Saves the person's dashboard mode and reloads the page's data in that mode. */
export function useSetDashboardMode() {
  const revalidator = useRevalidator();
  return async (mode: DashboardMode) => {
    await trpc.me.updatePreferences.mutate({ dashboardMode: mode });
    revalidator.revalidate();
  };
}

/**
 * The one line a Simple-mode page shows when it hides options: they keep the recommended
 * setting (or the one chosen before, said apart), and Advanced shows them.
 * `what` picks the wording: options of a form, whole settings pages, or this whole page.
 */
export function SimpleModeNote({
  hidden,
  what = "options",
}: {
  hidden: { count: number; changed: number };
  what?: "options" | "pages" | "page";
}) {
  const { t } = useTranslation("settings");
  const setMode = useSetDashboardMode();
  const [busy, setBusy] = useState(false);
  if (hidden.count === 0) return null;
  const text =
    what === "page"
      ? t("simpleMode.advancedPage")
      : what === "options" && hidden.changed > 0
        ? t("simpleMode.optionsChanged", { count: hidden.count, changed: hidden.changed })
        : t(`simpleMode.${what}`, { count: hidden.count });
  return (
    <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600" data-testid="simple-mode-note">
      <SlidersHorizontal aria-hidden className="size-4 shrink-0 text-slate-500" />
      <span>{text}</span>
      <Button
        type="button"
        variant="link"
        size="sm"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await setMode("ADVANCED");
          } finally {
            setBusy(false);
          }
        }}
      >
        {t("simpleMode.switch", { count: what === "page" ? 2 : hidden.count })}
      </Button>
    </p>
  );
}
