import enCompliance from "./en/compliance.json";
import esCompliance from "./es/compliance.json";
import enAgent from "./en/agent.json";
import esAgent from "./es/agent.json";
import enCalls from "./en/calls.json";
import esCalls from "./es/calls.json";
import enPhone from "./en/phone.json";
import esPhone from "./es/phone.json";
import enCustomers from "./en/customers.json";
import esCustomers from "./es/customers.json";
import enBooking from "./en/booking.json";
import esBooking from "./es/booking.json";
import enInbox from "./en/inbox.json";
import esInbox from "./es/inbox.json";
import enCalendar from "./en/calendar.json";
import esCalendar from "./es/calendar.json";
import enNotifications from "./en/notifications.json";
import esNotifications from "./es/notifications.json";
import enAdmin from "./en/admin.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enDashboard from "./en/dashboard.json";
import enErrors from "./en/errors.json";
import enOnboarding from "./en/onboarding.json";
import enSettings from "./en/settings.json";
import enSite from "./en/site.json";
import enTeam from "./en/team.json";
import enSchedule from "./en/schedule.json";
import esAdmin from "./es/admin.json";
import esAuth from "./es/auth.json";
import esCommon from "./es/common.json";
import esDashboard from "./es/dashboard.json";
import esErrors from "./es/errors.json";
import esOnboarding from "./es/onboarding.json";
import esSettings from "./es/settings.json";
import esSite from "./es/site.json";
import esTeam from "./es/team.json";
import esSchedule from "./es/schedule.json";

/**
 * Every translation, bundled (a few KB per language). English and Spanish hold the same
 * keys: tests/unit/i18n/parity.test.ts fails otherwise.
 */
export const resources = {
  en: {
    common: enCommon,
    errors: enErrors,
    auth: enAuth,
    onboarding: enOnboarding,
    dashboard: enDashboard,
    settings: enSettings,
    team: enTeam,
    site: enSite,
    admin: enAdmin,
    customers: enCustomers,
    booking: enBooking,
    inbox: enInbox,
    calendar: enCalendar,
    notifications: enNotifications,
    schedule: enSchedule,
    compliance: enCompliance,
    agent: enAgent,
    calls: enCalls,
    phone: enPhone,
  },
  es: {
    common: esCommon,
    errors: esErrors,
    auth: esAuth,
    onboarding: esOnboarding,
    dashboard: esDashboard,
    settings: esSettings,
    team: esTeam,
    site: esSite,
    admin: esAdmin,
    customers: esCustomers,
    booking: esBooking,
    inbox: esInbox,
    calendar: esCalendar,
    notifications: esNotifications,
    schedule: esSchedule,
    compliance: esCompliance,
    agent: esAgent,
    calls: esCalls,
    phone: esPhone,
  },
} as const;

export const NAMESPACES = Object.keys(resources.en) as Array<keyof (typeof resources)["en"]>;
export const DEFAULT_NAMESPACE = "common";
export const FALLBACK_LOCALE = "en";

/** The i18next options every instance uses (browser, server render, server-side messages). */
export function i18nOptions(lng?: string) {
  return {
    resources,
    lng,
    ns: NAMESPACES,
    defaultNS: DEFAULT_NAMESPACE,
    fallbackLng: FALLBACK_LOCALE,
    supportedLngs: ["en", "es"],
    interpolation: { escapeValue: false },
  };
}
