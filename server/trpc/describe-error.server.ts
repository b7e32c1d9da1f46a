import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { DomainError } from "../errors/domain-errors";
import { translateNow } from "../i18n/translate.server";

/**
 * What a person should read about an error, in their language: one message and, for
 * forms, a message per field. Used by the tRPC error formatter and by Remix actions.
 */
export interface DescribedError {
  i18nKey: string | null;
  message: string;
  fields: Record<string, string> | null;
  status: number;
}

const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

export function describeError(error: unknown, locale: string): DescribedError {
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  const code = error instanceof TRPCError ? error.code : undefined;
  if (cause instanceof DomainError) {
    const fields = Object.keys(cause.fields).length
      ? Object.fromEntries(Object.entries(cause.fields).map(([k, v]) => [k, translateNow(locale, v, cause.params)]))
      : null;
    return {
      i18nKey: cause.key,
      message: translateNow(locale, cause.key, cause.params),
      fields,
      status: STATUS[code ?? ""] ?? kindStatus(cause),
    };
  }
  if (cause instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of cause.issues) {
      const key = issue.path.join(".");
      if (fields[key]) continue;
      fields[key] = translateNow(
        locale,
        issue.message.startsWith("validation.") ? `errors:${issue.message}` : "errors:validation.invalid",
        issueParams(issue),
      );
    }
    return { i18nKey: "errors:invalidInput", message: translateNow(locale, "errors:invalidInput"), fields, status: 400 };
  }
  return { i18nKey: "errors:unexpected", message: translateNow(locale, "errors:unexpected"), fields: null, status: 500 };
}

/** Interpolation values for a field message: a shared text schema's { min, max, count }, or zod's own bounds. */
function issueParams(issue: ZodError["issues"][number]): Record<string, unknown> {
  if (issue.code === "custom") return issue.params ?? {};
  if (issue.code === "too_big") return { max: issue.maximum };
  if (issue.code === "too_small") return { min: issue.minimum };
  return {};
}

function kindStatus(e: DomainError): number {
  return { NotFound: 404, Forbidden: 403, Conflict: 409, Invalid: 400, Unauthenticated: 401, RateLimited: 429 }[e.kind];
}
