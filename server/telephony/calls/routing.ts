import type { TConfigNode } from "../../config/schemas";
import { MINUTE_MS, ZoneTimeline, parseClock, wallDayOf, weekdayOf } from "../../scheduling/local-time";

/**
 * Where an inbound call goes first, and where it goes when nobody picks up. Pure and
 * I/O-free (it is benchmarked): `loadRoutingContext` gathers the inputs.
 *
 * Rules, in order:
 * - No ring targets: the AI agent answers, or voicemail when the AI is off.
 * - AI_FIRST: the AI agent answers (a transfer rings the team, then voicemail).
 *   With the AI off it behaves as HUMAN_FIRST.
 * - HUMAN_FIRST: ring the team, then the AI agent (voicemail when the AI is off).
 * - HYBRID:
 *   - a customer with a booking today rings the team even after hours (the crew is out on
 *     that job; a call about it is urgent and the team wants it);
 *   - a VIP customer rings the team even after hours (the owner tagged them for that);
 *   - business open: ring the team first (a human is on duty), then the AI agent;
 *   - business closed: the AI agent answers (voicemail when the AI is off).
 *   After a ring nobody answers, the AI agent takes over when it is on, else voicemail.
 */
type TWeeklyHours = TConfigNode<"HOURS">["weekly"];

export type TCallMode = "AI_FIRST" | "HUMAN_FIRST" | "HYBRID";

export interface TRoutingInput {
  mode: TCallMode;
  isOpen: boolean;
  ringTargetCount: number;
  caller: { known: boolean; vip: boolean; bookingToday: boolean };
  aiEnabled: boolean;
}

export type TRouteReason =
  "noTargets" | "aiFirst" | "aiFirstAiOff" | "humanFirst" | "hybridBookingToday" | "hybridVip" | "hybridOpen" | "hybridClosed";

export interface TRouteDecision {
  first: "AI" | "RING" | "VOICEMAIL";
  /** Where the call goes when the ring ends unanswered. */
  afterRing: "AI" | "VOICEMAIL";
  reason: TRouteReason;
}

/** The routing decision for one inbound call (pure). */
export function decideRoute(input: TRoutingInput): TRouteDecision {
  const afterRing = input.aiEnabled ? "AI" : "VOICEMAIL";
  if (input.ringTargetCount <= 0) return { first: input.aiEnabled ? "AI" : "VOICEMAIL", afterRing, reason: "noTargets" };
  switch (input.mode) {
    case "AI_FIRST":
      return input.aiEnabled
        ? { first: "AI", afterRing: "VOICEMAIL", reason: "aiFirst" }
        : { first: "RING", afterRing, reason: "aiFirstAiOff" };
    case "HUMAN_FIRST":
      return { first: "RING", afterRing, reason: "humanFirst" };
    case "HYBRID":
      if (input.caller.bookingToday) return { first: "RING", afterRing, reason: "hybridBookingToday" };
      if (input.caller.vip) return { first: "RING", afterRing, reason: "hybridVip" };
      if (input.isOpen) return { first: "RING", afterRing, reason: "hybridOpen" };
      return { first: input.aiEnabled ? "AI" : "VOICEMAIL", afterRing, reason: "hybridClosed" };
  }
}

export interface TBusinessException {
  kind: "CLOSED" | "OPEN";
  startsAt: Date;
  endsAt: Date;
}

/**
 * Whether the business is open at `now` in its time zone: a business-wide exception
 * covering `now` wins (closed day, extra opening), otherwise the weekly hours decide.
 */
export function isOpenAt(weekly: TWeeklyHours, exceptions: readonly TBusinessException[], now: Date, timeZone: string): boolean {
  const t = now.getTime();
  const covering = exceptions.filter((e) => e.startsAt.getTime() <= t && t < e.endsAt.getTime());
  if (covering.some((e) => e.kind === "CLOSED")) return false;
  if (covering.some((e) => e.kind === "OPEN")) return true;
  const wall = new ZoneTimeline(timeZone, t, t).wallOf(t);
  const minute = Math.floor((wall - wallDayOf(wall)) / MINUTE_MS);
  return weekly[weekdayOf(wall)].some((range) => parseClock(range.open) <= minute && minute < parseClock(range.close));
}

/** The instants [start, end) of the local day containing `now` (for "booking today"). */
export function localDayBounds(now: Date, timeZone: string): { start: Date; end: Date } {
  const t = now.getTime();
  const timeline = new ZoneTimeline(timeZone, t - 2 * 86_400_000, t + 2 * 86_400_000);
  const day = wallDayOf(timeline.wallOf(t));
  return { start: new Date(timeline.firstInstantFrom(day)), end: new Date(timeline.firstInstantFrom(day + 86_400_000)) };
}
