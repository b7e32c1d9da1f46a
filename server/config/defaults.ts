import type { TConfigValues } from "./schemas";

/**
 * Platform defaults: the bottom layer of every config node. Correct on their own, so a
 * tenant with no pack data and no overrides still has a working, sensible setup.
 */
export const PLATFORM_CONFIG_DEFAULTS: TConfigValues = {
  PHONE: {
    number: null,
    ringTargets: [],
    ringStrategy: "SEQUENTIAL",
    mode: "HUMAN_FIRST",
    ringSeconds: 20,
    alwaysTextAndNotify: true,
    missedCallTextBack: true,
    bilingualMenu: false,
    pronunciations: [],
  },
  EMAIL: {
    fromName: "",
    replyTo: null,
    smtp: null,
    notifyOwner: { newBooking: true, cancellation: true, newMessage: true },
    notifyChannel: "EMAIL",
    notifySmsTo: null,
  },
  AI: {
    enabled: true,
    persona: {
      en: "You are the friendly assistant of a local service business. Be warm and brief, use only the business's real services, prices and hours, offer to book, and hand over to a person when unsure.",
      es: "Usted es el asistente amable de un negocio local de servicios. Sea cálido y breve, use solo los servicios, precios y horarios reales del negocio, ofrezca agendar una cita y pase la conversación a una persona cuando tenga dudas.",
    },
    greeting: {
      en: "Thanks for contacting {{businessName}}! How can I help you today?",
      es: "¡Gracias por comunicarse con {{businessName}}! ¿En qué le puedo ayudar hoy?",
    },
    tone: "FRIENDLY",
    handoffToHumanWhenUnsure: true,
  },
  BILLING: { plan: "TRIAL", currency: "usd", trialDays: 14 },
  SITE: {
    published: true,
    headline: { en: "Professional service, right on time", es: "Servicio profesional, siempre puntual" },
    tagline: { en: "Book online in under a minute.", es: "Reserve en línea en menos de un minuto." },
    about: {
      en: "{{businessName}} is a local, owner-run business that cares about doing the job right.",
      es: "{{businessName}} es un negocio local, atendido por su dueño, que se esmera en hacer bien el trabajo.",
    },
    primaryColor: "#1d5ef1",
    showPrices: true,
    blocks: ["hero", "services", "about", "hours", "faq", "contact"],
    contactPhone: null,
    contactEmail: null,
    serviceAreaNote: null,
  },
  HOURS: {
    weekly: {
      mon: [{ open: "09:00", close: "17:00" }],
      tue: [{ open: "09:00", close: "17:00" }],
      wed: [{ open: "09:00", close: "17:00" }],
      thu: [{ open: "09:00", close: "17:00" }],
      fri: [{ open: "09:00", close: "17:00" }],
      sat: [],
      sun: [],
    },
  },
  LOYALTY: {
    enabled: false,
    pointsPerDollar: 1,
    welcomeBonusPoints: 0,
    rewardThresholdPoints: 500,
    rewardDescription: { en: "$25 off your next service", es: "$25 de descuento en su próximo servicio" },
  },
  BOOKING: {
    slotIntervalMinutes: 30,
    bufferMinutes: 15,
    travelMinutes: 0,
    minNoticeMinutes: 120,
    horizonDays: 60,
    holdMinutes: 5,
    requireConfirmation: false,
    changeCutoffHours: 12,
    reminders: { enabled: true, offsetsMinutes: [1440, 120] },
    quietHours: { start: "08:00", end: "21:00" },
    serviceArea: { mode: "NONE", zips: [], centerZip: null, center: null, radiusMiles: 25 },
  },
};
