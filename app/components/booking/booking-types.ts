import type { ManagedBookingView } from "#server/booking/manage-booking.server";
import type { TDepositRule, TOptionGroup, TOptionSelection } from "#server/catalog/options";
import type { TLocale } from "#server/i18n/localized-text";

/** The business as the booking pages show it. `basePath` is "/s/<slug>" on the platform host, "" on its own host. */
export interface BookingSiteView {
  slug: string;
  name: string;
  timeZone: string;
  locale: TLocale;
  primaryColor: string;
  showPrices: boolean;
  contactPhone: string | null;
  serviceAreaNote: string | null;
  basePath: string;
}

export interface BookableService {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  optionGroups: TOptionGroup[];
  depositRule: TDepositRule;
}

export interface BookingPageView {
  site: BookingSiteView;
  services: BookableService[];
  holdMinutes: number;
  requireConfirmation: boolean;
  /** The business has a service area: the form asks where the job is and checks the ZIP. */
  addressRequired: boolean;
  /** From ?service=<id> (the "Book" button of a service on the public site). */
  preselectedServiceId: string | null;
}

export type ManagePageData =
  | {
      kind: "booking";
      site: BookingSiteView;
      token: string;
      selection: TOptionSelection | null;
      booking: ManagedBookingView & { serviceName: string };
    }
  | { kind: "invalid" | "expired"; site: BookingSiteView };
