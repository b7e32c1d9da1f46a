import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeSlots, isSlotAvailable } from "../../../server/scheduling/slot-engine";
import { arbScenario } from "./scenario-arbitraries";
import { oracleFor } from "./slot-oracle";

/**
 * Properties of the slot engine over random hours, exceptions, bookings, busy blocks,
 * durations, grids, buffers, travel, notice and horizon — in zones with DST changes inside
 * the window. Each rule is checked against a minute-by-minute reference (slot-oracle.ts)
 * that reads local time independently of the engine's span arithmetic.
 */
const MIN = 60_000;
// SLOT_PROPERTY_RUNS=5000 for a deeper search before touching the engine.
const RUNS = { numRuns: Number(process.env.SLOT_PROPERTY_RUNS ?? 150) };
/** The oracle is brute force: allow ~100 ms per run on a slow machine. */
const TIMEOUT = Math.max(30_000, RUNS.numRuns * 100);

describe("slot engine properties", () => {
  it(
    "offers no slot outside the member's open hours, in local time",
    () => {
      fc.assert(
        fc.property(arbScenario(), (input) => {
          const oracle = oracleFor(input);
          for (const slot of computeSlots(input)) {
            for (const staffId of slot.staffIds) {
              for (let u = slot.startsAt.getTime(); u < slot.endsAt.getTime(); u += MIN) {
                if (!oracle.openAt(staffId, u))
                  throw new Error(
                    `${staffId} closed at ${new Date(u).toISOString()} (local ${oracle.wall(u).date} minute ${oracle.wall(u).minuteOfDay}) inside ${slot.startsAt.toISOString()}`,
                  );
              }
            }
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    "offers no slot whose job, travel before or buffer after overlaps busy time",
    () => {
      fc.assert(
        fc.property(arbScenario(), (input) => {
          const oracle = oracleFor(input);
          const { travelMinutes, bufferMinutes } = input.rules;
          for (const slot of computeSlots(input)) {
            for (const staffId of slot.staffIds) {
              for (let u = slot.startsAt.getTime() - travelMinutes * MIN; u < slot.endsAt.getTime() + bufferMinutes * MIN; u += MIN) {
                if (oracle.busyAt(staffId, u))
                  throw new Error(`${staffId} busy at ${new Date(u).toISOString()} for ${slot.startsAt.toISOString()}`);
              }
            }
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    "offers nothing before now + notice, after the horizon, or outside [from, to)",
    () => {
      fc.assert(
        fc.property(arbScenario(), (input) => {
          const { rules } = input;
          const now = input.now.getTime();
          for (const slot of computeSlots(input)) {
            const s = slot.startsAt.getTime();
            expect(s).toBeGreaterThan(now);
            expect(s).toBeGreaterThanOrEqual(now + rules.minNoticeMinutes * MIN);
            if (rules.horizonDays !== null) expect(s).toBeLessThanOrEqual(now + rules.horizonDays * 24 * 60 * MIN);
            expect(s).toBeGreaterThanOrEqual(input.from.getTime());
            expect(s).toBeLessThan(input.to.getTime());
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    "puts every slot on the local wall-clock grid (both occurrences of a repeated time), sorted, with the right end",
    () => {
      fc.assert(
        fc.property(arbScenario(), (input) => {
          const oracle = oracleFor(input);
          const slots = computeSlots(input);
          slots.forEach((slot, i) => {
            expect(oracle.onGrid(slot.startsAt.getTime())).toBe(true);
            expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(input.durationMinutes * MIN);
            if (i > 0) expect(slot.startsAt.getTime()).toBeGreaterThan(slots[i - 1].startsAt.getTime());
            const order = input.staff.map((s) => s.id).filter((id) => slot.staffIds.includes(id));
            expect(slot.staffIds).toEqual(order);
          });
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    "is complete: every free, in-hours, on-grid start that fits is offered, with exactly the members who can take it",
    () => {
      fc.assert(
        fc.property(arbScenario(), (input) => {
          const expected = oracleFor(input).slots();
          const actual = computeSlots(input).map((s) => ({ start: s.startsAt.getTime(), staffIds: s.staffIds }));
          expect(actual).toEqual(expected);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    "isSlotAvailable agrees with computeSlots, for anyone and per member",
    () => {
      fc.assert(
        fc.property(arbScenario(), fc.nat(), (input, pick) => {
          const slots = computeSlots(input);
          const offered = new Map(slots.map((s) => [s.startsAt.getTime(), s.staffIds]));
          // Half the probes are offered starts, half arbitrary minutes of the window.
          const span = input.to.getTime() - input.from.getTime();
          const probes = [
            ...slots.filter((_, i) => i % 7 === pick % 7).map((s) => s.startsAt.getTime()),
            ...Array.from({ length: 8 }, (_, i) => input.from.getTime() + Math.floor(((pick + i * 977) % Math.max(1, span / MIN)) * MIN)),
          ];
          for (const t of probes) {
            expect(isSlotAvailable(input, new Date(t))).toBe(offered.has(t));
            for (const s of input.staff) expect(isSlotAvailable(input, new Date(t), s.id)).toBe(offered.get(t)?.includes(s.id) ?? false);
          }
        }),
        { numRuns: Math.ceil(RUNS.numRuns / 2) },
      );
    },
    TIMEOUT,
  );
});
