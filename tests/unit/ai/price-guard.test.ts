import { describe, expect, it } from "vitest";
import { moneyAmountsIn, moneyAmountsInResult, unverifiedAmounts } from "../../../server/ai/agent/price-guard";

describe("price guard", () => {
  it("finds amounts written the English and the Spanish way", () => {
    expect(moneyAmountsIn("A wash is $49, a detail $1,249.50.")).toEqual([4900, 124950]);
    expect(moneyAmountsIn("Cuesta 49 dólares, o US$ 59,90")).toEqual([4900, 5990]);
    expect(moneyAmountsIn("Open 8:00 AM to 6:00 PM, 3 cars max")).toEqual([]);
  });

  it("reads the amounts a tool returned: ...Cents fields and formatted strings", () => {
    const verified = moneyAmountsInResult({
      services: [{ price: "$49.00", priceCents: 4900, options: [{ priceChange: "+$20.00", priceDeltaCents: -1500 }] }],
    });
    expect([...verified].sort((a, b) => a - b)).toEqual([1500, 2000, 4900]);
  });

  it("lets verified prices through and flags invented ones", () => {
    const verified = new Set([4900, 2000]);
    expect(unverifiedAmounts("The Express Wash is $49.00, plus $20 for pet hair.", verified)).toEqual([]);
    expect(unverifiedAmounts("The Express Wash is $45.", verified)).toEqual([4500]);
    expect(unverifiedAmounts("El lavado cuesta 39 dólares.", verified)).toEqual([3900]);
  });
});
