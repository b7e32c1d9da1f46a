import { describe, expect, it } from "vitest";
import { tidySentence } from "../../../server/notifications/templates.server";

describe("notification sentences", () => {
  it("a value ending in a period does not leave two (Spanish '12:00 p.m..'), an ellipsis stays", () => {
    expect(tidySentence("su cita es el viernes, 12:00 p.m.. Cambiar: x")).toBe("su cita es el viernes, 12:00 p.m. Cambiar: x");
    expect(tidySentence("Espere...")).toBe("Espere...");
    expect(tidySentence("Listo.")).toBe("Listo.");
  });
});
