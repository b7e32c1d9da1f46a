import { CalendarRequestError, type CalendarPort } from "./port";

/**
 * No Google OAuth client on this server: nothing leaves the machine. Connecting is not
 * offered (the OAuth calls refuse), there are no outside busy times, and bookings are
 * "kept internal" — they live in ServicePro only. The dashboard says so in plain words.
 */
const notConfigured = () =>
  new CalendarRequestError("notConfigured", "Google Calendar is not configured on this server (GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET)");

export const localCalendar: CalendarPort = {
  provider: "local",
  configured: false,
  authorizeUrl() {
    throw notConfigured();
  },
  async exchangeCode() {
    throw notConfigured();
  },
  async refresh() {
    throw notConfigured();
  },
  async revoke() {},
  async listCalendars() {
    return [];
  },
  async freeBusy() {
    return [];
  },
  async upsertEvent(_token, _calendarId, event) {
    // Kept internal: the booking itself is the record.
    return { id: event.id };
  },
  async deleteEvent() {},
};
