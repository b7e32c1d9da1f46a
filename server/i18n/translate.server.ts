import i18next, { type i18n as I18n } from "i18next";
import { i18nOptions } from "../../locales";
import type { TLocale } from "./localized-text";

/**
 * Synchronous server-side translation from the bundled resources (error messages, SMS and
 * email text). Keys are "namespace:path".
 */
let instance: I18n | undefined;

function i18n(): I18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({ ...i18nOptions(), initImmediate: false });
  }
  return instance;
}

export function translateNow(locale: TLocale | string, key: string, params: Record<string, unknown> = {}): string {
  return i18n().getFixedT(locale)(key, params) as string;
}
