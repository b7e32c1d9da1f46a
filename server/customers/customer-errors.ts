import type { z } from "zod";
import { Conflict, Invalid, NotFound } from "../errors/domain-errors";

/**
 * The customers domain's errors. Keys live in the "errors" namespace under `customers.*`
 * (field problems reuse `validation.*`).
 */
export const customerNotFound = () => NotFound("errors:customers.notFound");
export const phoneTaken = (name: string) => Conflict("errors:customers.phoneTaken", { name }, { phone: "errors:customers.phoneTaken" });
export const alreadyMerged = () => Conflict("errors:customers.alreadyMerged");
export const mergeSelf = () => Invalid("errors:customers.mergeSelf", { duplicateId: "errors:customers.mergeSelf" });
export const consentNeedsPhone = () =>
  Invalid("errors:customers.consentNeedsPhone", {
    smsConsent: "errors:customers.consentNeedsPhone",
    phone: "errors:customers.consentNeedsPhone",
  });
export const invalidPhone = () => Invalid("errors:invalidInput", { phone: "errors:validation.phoneE164" });

/**
 * Parses input for callers that skip the tRPC layer (other domains), turning zod issues
 * into the same field errors the procedures report.
 */
export function parseOrInvalid<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    fields[key] ??= issue.message.startsWith("validation.") ? `errors:${issue.message}` : "errors:validation.invalid";
  }
  throw Invalid("errors:invalidInput", fields);
}
