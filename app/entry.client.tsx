import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { FALLBACK_LOCALE, i18nOptions } from "../locales";

async function hydrate() {
  const lng = document.documentElement.lang || FALLBACK_LOCALE;
  await i18next.use(initReactI18next).init({ ...i18nOptions(lng), react: { useSuspense: false } });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
