import { describe, expect, it } from "vitest";
import { confirmationKindOf } from "../../../inngest/functions/booking-confirmations";

describe("which message a booking event sends the customer", () => {
  it("created: a confirmation, or a 'request received' while the owner must still approve", () => {
    expect(confirmationKindOf({ name: "booking/created", data: { status: "CONFIRMED" } })).toBe("confirmation");
    expect(confirmationKindOf({ name: "booking/created", data: { status: "REQUESTED" } })).toBe("requested");
  });

  it("the owner approving a request confirms it; moves and cancellations have their own message", () => {
    expect(confirmationKindOf({ name: "booking/confirmed", data: {} })).toBe("confirmation");
    expect(confirmationKindOf({ name: "booking/rescheduled", data: {} })).toBe("rescheduled");
    expect(confirmationKindOf({ name: "booking/cancelled", data: {} })).toBe("cancelled");
  });

  it("status changes of the day (started, completed, no-show) send nothing", () => {
    expect(confirmationKindOf({ name: "booking/status-changed", data: {} })).toBeNull();
  });
});
