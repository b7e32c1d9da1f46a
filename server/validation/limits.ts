/**
 * Length limits shared by the schemas that enforce them and the forms that show them (a
 * counter near the limit). Pure: the browser imports it. Domains with many fields keep
 * theirs beside their types (BOOKING_TEXT_LIMITS, CUSTOMER_TEXT_LIMITS, INBOX_TEXT_LIMITS).
 */
export const TEXT_LIMITS = {
  personName: 120,
  email: 254,
  businessName: 120,
  serviceName: 120,
  serviceDescription: 2000,
  hostname: 300,
  smtpField: 255,
  senderName: 120,
  ringTargetName: 80,
  pronunciationWritten: 80,
  pronunciationSpoken: 120,
  localizedText: 2000,
} as const;
