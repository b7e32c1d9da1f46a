import { Link } from "@remix-run/react";
import { Compass, TriangleAlert } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui";

/** Friendly pages for unknown sites and addresses, and for unexpected errors. */
export function NotFoundPage({ kind = "page" }: { kind?: "page" | "site" }) {
  const { t } = useTranslation("common");
  return (
    <main className="mx-auto flex min-h-[80vh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <Compass aria-hidden className="size-12 text-brand-600" />
      <h1 className="text-2xl font-semibold">{kind === "site" ? t("notFound.siteTitle") : t("notFound.title")}</h1>
      <p className="text-slate-600">{kind === "site" ? t("notFound.siteBody") : t("notFound.body")}</p>
      <Button asChild variant="outline">
        <Link to="/">{t("notFound.home")}</Link>
      </Button>
    </main>
  );
}

export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation("common");
  return (
    <main className="mx-auto flex min-h-[80vh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <TriangleAlert aria-hidden className="size-12 text-amber-600" />
      <h1 className="text-2xl font-semibold">{status === 403 ? t("error.forbiddenTitle") : t("error.title")}</h1>
      <p className="text-slate-600">{status === 403 ? t("error.forbiddenBody") : t("error.body")}</p>
      <Button asChild variant="outline">
        <Link to="/">{t("notFound.home")}</Link>
      </Button>
    </main>
  );
}
