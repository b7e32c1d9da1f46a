import { withTenant } from "../db/db.server";
import { env } from "../env.server";
import { translateNow } from "../i18n/translate.server";
import { isSupportedLocale, type TLocale } from "../i18n/localized-text";
import { appBaseUrl } from "../notifications/format";
import { renderLayout, type RenderedEmail } from "../notifications/templates.server";
import { problemKey } from "./problems";

/**
 * What the owners are told when a calendar connection stops working: "failing" once the
 * failures in a row reach the threshold, "disconnected" when Google no longer accepts the
 * grant. One email per owner, in that owner's language.
 */
export type TCalendarAlert = "failing" | "disconnected";

export interface CalendarAlertEmail extends RenderedEmail {
  to: string;
  kind: `calendar.${TCalendarAlert}`;
}

const tc = (locale: TLocale, key: string, params: Record<string, unknown> = {}) => translateNow(locale, `calendar:${key}`, params);

export async function composeCalendarAlert(tenantId: string, connectionId: string, alert: TCalendarAlert): Promise<CalendarAlertEmail[]> {
  return withTenant(tenantId, async (db) => {
    const connection = await db.calendarConnection.findUnique({
      where: { id: connectionId },
      select: { staffId: true, accountEmail: true, externalCalendarId: true, consecutiveFailures: true, lastError: true },
    });
    if (!connection) return [];
    const [tenant, staff, owners] = await Promise.all([
      db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, defaultLocale: true } }),
      connection.staffId ? db.staff.findUnique({ where: { id: connection.staffId }, select: { name: true } }) : null,
      db.membership.findMany({ where: { role: "OWNER" }, select: { user: { select: { email: true, locale: true } } } }),
    ]);
    const url = `${appBaseUrl(env().APP_URL, env().PORT)}/dashboard/calendar`;
    return owners.map(({ user }) => {
      const locale: TLocale = isSupportedLocale(user.locale)
        ? user.locale
        : isSupportedLocale(tenant.defaultLocale)
          ? tenant.defaultLocale
          : "en";
      const params = {
        calendar: staff ? tc(locale, "targets.staff", { name: staff.name }) : tc(locale, "targets.business"),
        account: connection.accountEmail ?? connection.externalCalendarId,
        count: connection.consecutiveFailures,
        problem: tc(locale, problemKey(connection.lastError)),
      };
      const content = renderLayout({
        locale,
        businessName: tenant.name,
        subject: tc(locale, `email.${alert}.subject`, params),
        heading: tc(locale, `email.${alert}.heading`, params),
        lines: [tc(locale, `email.${alert}.body`, params), tc(locale, `email.${alert}.reassure`, params)],
        action: { label: tc(locale, `email.${alert}.action`), url },
      });
      return { to: user.email, kind: `calendar.${alert}` as const, ...content };
    });
  });
}
