import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_NAMESPACE, FALLBACK_LOCALE, resources } from "../../locales";
import { isSupportedLocale, SUPPORTED_LOCALES, type TLocale } from "./localized-text";

/**
 * Language detection: ?lng= first, then the signed-in user's saved preference, then the
 * `lng` cookie, then Accept-Language. The cookie is a Remix cookie (base64 JSON): write it
 * with localeCookie.serialize.
 */
export const localeCookie = createCookie("lng", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LOCALES],
    fallbackLanguage: FALLBACK_LOCALE,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: {
    resources,
    defaultNS: DEFAULT_NAMESPACE,
    fallbackLng: FALLBACK_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    interpolation: { escapeValue: false },
  },
});

export async function detectLocale(request: Request, user?: { locale: string | null } | null): Promise<TLocale> {
  const fromQuery = new URL(request.url).searchParams.get("lng");
  if (isSupportedLocale(fromQuery)) return fromQuery;
  if (user && isSupportedLocale(user.locale)) return user.locale;
  const detected = await i18nServer.getLocale(request);
  return isSupportedLocale(detected) ? detected : FALLBACK_LOCALE;
}

/** A translator for server-side text (errors, emails, SMS). */
export function translator(locale: TLocale, ns: string | string[] = DEFAULT_NAMESPACE) {
  return i18nServer.getFixedT(locale, ns as never);
}
