/**
 * The i18n keys (namespace "errors") of the booking domain's errors. Every Conflict,
 * Invalid, Forbidden and NotFound thrown by server/booking names one of these.
 */
export const BOOKING_ERRORS = {
  /** Conflict: another booking (or a live hold) already occupies the staff member then. */
  slotTaken: "errors:booking.slotTaken",
  /** Conflict: the booking machine refuses the move from the current status. */
  illegalTransition: "errors:booking.illegalTransition",
  /** Conflict: the hold ran out and the time was taken (or has passed). */
  holdExpired: "errors:booking.holdExpired",
  /** NotFound: no such booking for this business. */
  notFound: "errors:booking.notFound",
  /** Forbidden: a manage link that is malformed, tampered with or for another business. */
  linkInvalid: "errors:booking.linkInvalid",
  /** Forbidden: a manage link past its expiry. */
  linkExpired: "errors:booking.linkExpired",
  /** Forbidden: online changes close `hours` hours before the start (BOOKING.changeCutoffHours). */
  pastCutoff: "errors:booking.pastCutoff",
  /** Invalid: the service is inactive or does not exist. */
  serviceUnavailable: "errors:booking.serviceUnavailable",
  /** Invalid: the chosen options do not fit the service. */
  invalidOptions: "errors:booking.invalidOptions",
  /** Invalid: nobody active can do this service (or the chosen person cannot). */
  noStaff: "errors:booking.noStaff",
  /** Invalid: earlier than BOOKING.minNoticeMinutes from now. */
  tooSoon: "errors:booking.tooSoon",
  /** Invalid: later than BOOKING.horizonDays from now. */
  tooFarAhead: "errors:booking.tooFarAhead",
  /** Invalid: the start time has already passed. */
  inPast: "errors:booking.inPast",
  /** Invalid: a no-show can only be recorded once the start time has come. */
  notStarted: "errors:booking.notStarted",
  /** Conflict: a customer asked for a time the slot list would not offer (outside hours, on a holiday, off the grid). */
  notOffered: "errors:booking.notOffered",
  /** Invalid: the business only works in its service area and no address was given. */
  addressRequired: "errors:booking.addressRequired",
  /** Invalid: a service area is set and the address has no usable ZIP. */
  zipRequired: "errors:booking.zipRequired",
  /** Invalid: the ZIP is not in the offline ZIP table, so the distance cannot be measured. */
  unknownZip: "errors:booking.unknownZip",
  /** Invalid: the address is outside BOOKING.serviceArea. */
  outsideServiceArea: "errors:booking.outsideServiceArea",
  /** Invalid: a dashboard list range longer than allowed. */
  rangeTooLong: "errors:booking.rangeTooLong",
} as const;

export type TBookingErrorKey = (typeof BOOKING_ERRORS)[keyof typeof BOOKING_ERRORS];
