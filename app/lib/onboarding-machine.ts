import { assign, setup } from "xstate";
import { parseMoneyToCents, centsToInput } from "#server/money/money";

/**
 * The onboarding wizard as an explicit state machine: business -> location -> hours ->
 * services -> review. Each step's guard says when "Next" may leave it; choosing a trade
 * pre-fills hours and services from its industry pack (all editable).
 */
export const WIZARD_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WizardDay = (typeof WIZARD_DAYS)[number];
export type WizardHours = Record<WizardDay, Array<{ open: string; close: string }>>;

export interface WizardService {
  id: string;
  packServiceKey: string | null;
  name: string;
  price: string;
  durationMinutes: number;
}

export interface PackForWizard {
  key: string;
  hours: WizardHours;
  services: Array<{ key: string; name: { en: string; es: string }; durationMinutes: number; priceCents: number }>;
}

export interface WizardContext {
  businessName: string;
  packKey: string | null;
  timeZone: string;
  locale: "en" | "es";
  hours: WizardHours;
  services: WizardService[];
}

export type WizardEvent =
  | { type: "UPDATE"; patch: Partial<Pick<WizardContext, "businessName" | "timeZone" | "locale" | "hours" | "services">> }
  | { type: "CHOOSE_PACK"; pack: PackForWizard }
  | { type: "NEXT" }
  | { type: "BACK" }
  | { type: "GOTO"; step: WizardStep };

export const WIZARD_STEPS = ["business", "location", "hours", "services", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const businessValid = (c: WizardContext) =>
  c.businessName.trim().length >= 2 && c.businessName.trim().length <= 120 && c.packKey !== null;
export const locationValid = (c: WizardContext) => c.timeZone.length > 0;
export const hoursValid = (c: WizardContext) =>
  WIZARD_DAYS.every((d) => c.hours[d].every((r) => /^\d{2}:\d{2}$/.test(r.open) && /^\d{2}:\d{2}$/.test(r.close) && r.open < r.close));
export const serviceProblems = (s: WizardService) => ({
  name: s.name.trim().length === 0,
  price: parseMoneyToCents(s.price) === null || (parseMoneyToCents(s.price) ?? 0) < 0,
  duration: !Number.isInteger(s.durationMinutes) || s.durationMinutes < 5 || s.durationMinutes > 24 * 60,
});
export const servicesValid = (c: WizardContext) =>
  c.services.length > 0 && c.services.every((s) => !Object.values(serviceProblems(s)).some(Boolean));

/** Whether every step before `step` is complete (so GOTO may jump there). */
export function stepsCompleteBefore(c: WizardContext, step: WizardStep): boolean {
  const checks: Record<WizardStep, boolean> = {
    business: businessValid(c),
    location: locationValid(c),
    hours: hoursValid(c),
    services: servicesValid(c),
    review: true,
  };
  return WIZARD_STEPS.slice(0, WIZARD_STEPS.indexOf(step)).every((s) => checks[s]);
}

let nextId = 0;
export const newServiceId = () => `svc-${Date.now().toString(36)}-${nextId++}`;

export function servicesFromPack(pack: PackForWizard, locale: "en" | "es"): WizardService[] {
  return pack.services.map((s) => ({
    id: newServiceId(),
    packServiceKey: s.key,
    name: s.name[locale],
    price: centsToInput(s.priceCents),
    durationMinutes: s.durationMinutes,
  }));
}

/** The payload the server validates (ZOnboardingSchema) once the wizard is done. */
export function toOnboardingInput(c: WizardContext) {
  return {
    businessName: c.businessName.trim(),
    packKey: c.packKey,
    timeZone: c.timeZone,
    locale: c.locale,
    hours: c.hours,
    services: c.services.map((s) => ({
      packServiceKey: s.packServiceKey,
      name: s.name.trim(),
      durationMinutes: s.durationMinutes,
      priceCents: parseMoneyToCents(s.price) ?? -1,
    })),
  };
}

const emptyHours = (): WizardHours => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

export function initialWizardContext(input: { locale: "en" | "es"; timeZone: string }): WizardContext {
  return { businessName: "", packKey: null, timeZone: input.timeZone, locale: input.locale, hours: emptyHours(), services: [] };
}

export const onboardingMachine = setup({
  types: { context: {} as WizardContext, events: {} as WizardEvent, input: {} as WizardContext },
  guards: {
    businessValid: ({ context }) => businessValid(context),
    locationValid: ({ context }) => locationValid(context),
    hoursValid: ({ context }) => hoursValid(context),
    servicesValid: ({ context }) => servicesValid(context),
    canJump: ({ context, event }) => event.type === "GOTO" && stepsCompleteBefore(context, event.step),
  },
  actions: {
    update: assign(({ context, event }) => (event.type === "UPDATE" ? { ...context, ...event.patch } : context)),
    choosePack: assign(({ context, event }) => {
      if (event.type !== "CHOOSE_PACK") return context;
      if (context.packKey === event.pack.key) return context;
      return {
        ...context,
        packKey: event.pack.key,
        hours: structuredClone(event.pack.hours),
        services: servicesFromPack(event.pack, context.locale),
      };
    }),
  },
}).createMachine({
  id: "onboarding",
  context: ({ input }) => input,
  initial: "business",
  on: {
    UPDATE: { actions: "update" },
    GOTO: [
      { guard: ({ event }) => event.step === "business", target: ".business" },
      { guard: ({ event, context }) => event.step === "location" && stepsCompleteBefore(context, "location"), target: ".location" },
      { guard: ({ event, context }) => event.step === "hours" && stepsCompleteBefore(context, "hours"), target: ".hours" },
      { guard: ({ event, context }) => event.step === "services" && stepsCompleteBefore(context, "services"), target: ".services" },
      { guard: ({ event, context }) => event.step === "review" && stepsCompleteBefore(context, "review"), target: ".review" },
    ],
  },
  states: {
    business: {
      on: { CHOOSE_PACK: { actions: "choosePack" }, NEXT: { guard: "businessValid", target: "location" } },
    },
    location: { on: { NEXT: { guard: "locationValid", target: "hours" }, BACK: "business" } },
    hours: { on: { NEXT: { guard: "hoursValid", target: "services" }, BACK: "location" } },
    services: { on: { NEXT: { guard: "servicesValid", target: "review" }, BACK: "hours" } },
    review: { on: { BACK: "services" } },
  },
});
