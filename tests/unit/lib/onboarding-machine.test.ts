import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { initialWizardContext, onboardingMachine, toOnboardingInput, type PackForWizard } from "~/lib/onboarding-machine";

const pack: PackForWizard = {
  key: "auto-detailing",
  hours: { mon: [{ open: "08:00", close: "18:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  services: [{ key: "wash", name: { en: "Wash", es: "Lavado" }, durationMinutes: 45, priceCents: 4900 }],
};

function start(locale: "en" | "es" = "en") {
  const actor = createActor(onboardingMachine, { input: initialWizardContext({ locale, timeZone: "America/Chicago" }) });
  actor.start();
  return actor;
}

describe("onboarding machine", () => {
  it("does not leave the business step without a name and a trade", () => {
    const a = start();
    a.send({ type: "NEXT" });
    expect(a.getSnapshot().value).toBe("business");
    a.send({ type: "UPDATE", patch: { businessName: "Shiny Cars" } });
    a.send({ type: "NEXT" });
    expect(a.getSnapshot().value).toBe("business");
    a.send({ type: "CHOOSE_PACK", pack });
    a.send({ type: "NEXT" });
    expect(a.getSnapshot().value).toBe("location");
  });

  it("pre-fills services and hours from the pack in the owner's language", () => {
    const a = start("es");
    a.send({ type: "CHOOSE_PACK", pack });
    const c = a.getSnapshot().context;
    expect(c.services.map((s) => [s.name, s.price, s.durationMinutes])).toEqual([["Lavado", "49.00", 45]]);
    expect(c.hours.mon).toEqual([{ open: "08:00", close: "18:00" }]);
  });

  it("walks every step forward and back, and blocks invalid services", () => {
    const a = start();
    a.send({ type: "UPDATE", patch: { businessName: "Shiny Cars" } });
    a.send({ type: "CHOOSE_PACK", pack });
    for (const expected of ["location", "hours", "services"]) {
      a.send({ type: "NEXT" });
      expect(a.getSnapshot().value).toBe(expected);
    }
    const services = a.getSnapshot().context.services;
    a.send({ type: "UPDATE", patch: { services: [{ ...services[0], price: "abc" }] } });
    a.send({ type: "NEXT" });
    expect(a.getSnapshot().value).toBe("services");
    a.send({ type: "UPDATE", patch: { services: [{ ...services[0], price: "55.5" }] } });
    a.send({ type: "NEXT" });
    expect(a.getSnapshot().value).toBe("review");
    expect(toOnboardingInput(a.getSnapshot().context).services[0].priceCents).toBe(5550);
    for (const expected of ["services", "hours", "location", "business"]) {
      a.send({ type: "BACK" });
      expect(a.getSnapshot().value).toBe(expected);
    }
  });

  it("blocks closing before opening and jumping ahead past an incomplete step", () => {
    const a = start();
    a.send({ type: "GOTO", step: "review" });
    expect(a.getSnapshot().value).toBe("business");
    a.send({ type: "UPDATE", patch: { businessName: "Shiny Cars" } });
    a.send({ type: "CHOOSE_PACK", pack });
    a.send({ type: "NEXT" });
    a.send({ type: "NEXT" });
    a.send({ type: "UPDATE", patch: { hours: { ...pack.hours, mon: [{ open: "18:00", close: "08:00" }] } } });
    a.send({ type: "NEXT" });
    expect(a.getSnapshot().value).toBe("hours");
    a.send({ type: "GOTO", step: "business" });
    expect(a.getSnapshot().value).toBe("business");
  });
});
