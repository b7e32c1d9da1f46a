import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getConfig } from "../config/config-service.server";
import { normalizePhone } from "../customers/phone";
import { Invalid } from "../errors/domain-errors";
import { advanceCall, getCallView, recentCallViews, startCall, type TCallEvent, type TCallSessionDeps } from "./calls/call-session.server";
import type { TCallView } from "./calls/call.types";
import { zId, zPattern, zText } from "../validation/text";

/**
 * The owner's phone simulator: a call from any number, driven one button at a time
 * (press a digit, say something, answer as a team member, leave a voicemail, hang up).
 * It runs the very flow and session real calls use; only the provider ("simulator") and
 * the simulated flag differ, so simulated minutes are never billed.
 */

/** A number as typed -> E.164. */
export const ZCallerPhoneSchema = zText({ max: 40, tooLong: "validation.phoneE164" }).transform((value, ctx) => {
  const e164 = normalizePhone(value);
  if (!e164) {
    ctx.addIssue({ code: "custom", message: "validation.phoneE164" });
    return z.NEVER;
  }
  return e164;
});

export const ZSimulatorCallStartSchema = z.object({ from: ZCallerPhoneSchema }).strict();
export type TSimulatorCallStart = z.input<typeof ZSimulatorCallStartSchema>;

export const ZSimulatorCallInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("digit"), digit: zPattern(/^[0-9*#]$/) }).strict(),
  z.object({ kind: z.literal("say"), text: zText({ min: 1, max: 1000, multiline: true }) }).strict(),
  z.object({ kind: z.literal("answer"), targetIndex: z.number().int().min(0).max(9) }).strict(),
  z.object({ kind: z.literal("noAnswer") }).strict(),
  z
    .object({ kind: z.literal("voicemail"), text: zText({ max: 2000, multiline: true }), seconds: z.number().int().min(1).max(600) })
    .strict(),
  z.object({ kind: z.literal("hangup") }).strict(),
]);
export type TSimulatorCallInput = z.infer<typeof ZSimulatorCallInputSchema>;

export const ZSimulatorCallInputRequestSchema = z.object({ callId: zId(), input: ZSimulatorCallInputSchema }).strict();
export const ZRecentCallsSchema = z.object({ limit: z.number().int().min(1).max(50).default(20) }).strict();

/** Where a simulated call is "dialled" when the business has no number yet. */
export const SIMULATOR_PLACEHOLDER_NUMBER = "simulator";

function parseOrInvalid<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || "input", issue.message]));
    throw Invalid("errors:invalidInput", fields);
  }
  return parsed.data;
}

/** Starts a simulated inbound call from `from` to the business's number. */
export async function simulateCallStart(tenantId: string, raw: TSimulatorCallStart, deps?: TCallSessionDeps): Promise<TCallView> {
  const { from } = parseOrInvalid(ZSimulatorCallStartSchema, raw);
  const phone = await getConfig(tenantId, "PHONE");
  return startCall(
    {
      tenantId,
      provider: "simulator",
      providerCallId: `sim-${randomUUID()}`,
      from,
      to: phone.number ?? SIMULATOR_PLACEHOLDER_NUMBER,
      simulated: true,
    },
    deps,
  );
}

/** One button of the simulator on call `callId`, as the same event a real call would produce. */
export async function simulateCallInput(
  tenantId: string,
  callId: string,
  raw: TSimulatorCallInput,
  deps?: TCallSessionDeps,
): Promise<TCallView> {
  const input = parseOrInvalid(ZSimulatorCallInputSchema, raw);
  let event: TCallEvent;
  switch (input.kind) {
    case "digit":
      event = { type: "MENU_DIGIT", digit: input.digit };
      break;
    case "say":
      event = { type: "CALLER_SAID", text: input.text };
      break;
    case "answer": {
      const view = await getCallView(tenantId, callId);
      const target = view.ringing[input.targetIndex];
      if (!target) throw Invalid("calls:errors.badTarget", { targetIndex: "calls:errors.badTarget" });
      event = { type: "RING_ANSWERED", target: target.phone };
      break;
    }
    case "noAnswer":
      event = { type: "RING_NO_ANSWER" };
      break;
    case "voicemail":
      event = { type: "RECORDING_DONE", durationSeconds: input.seconds, recordingUrl: null, spokenText: input.text || null };
      break;
    case "hangup":
      event = { type: "HANGUP" };
      break;
  }
  return advanceCall(tenantId, callId, event, deps);
}

/** The tenant's latest calls (simulated and real), newest first. */
export async function listRecentCalls(tenantId: string, limit: number): Promise<TCallView[]> {
  return recentCallViews(tenantId, Math.min(Math.max(1, Math.floor(limit)), 50));
}
