/**
 * Typed domain errors. Messages are i18n keys (namespace "errors"), translated where the
 * error reaches a person; `params` fill the key's placeholders. Mapped once to tRPC codes
 * (server/trpc/init.server.ts) and HTTP statuses (statusOf).
 */
export type DomainErrorKind = "NotFound" | "Forbidden" | "Conflict" | "Invalid" | "Unauthenticated" | "RateLimited";

export class DomainError extends Error {
  constructor(
    public readonly kind: DomainErrorKind,
    /** i18n key in the "errors" namespace, e.g. "errors:tenant.slugTaken". */
    public readonly key: string,
    public readonly params: Record<string, string | number> = {},
    /** Field-level problems for forms: field path -> i18n key. */
    public readonly fields: Record<string, string> = {},
  ) {
    super(key);
    this.name = `${kind}Error`;
  }
}

export const NotFound = (key = "errors:notFound", params?: Record<string, string | number>) => new DomainError("NotFound", key, params);
export const Forbidden = (key = "errors:forbidden", params?: Record<string, string | number>) => new DomainError("Forbidden", key, params);
export const Conflict = (key: string, params?: Record<string, string | number>, fields?: Record<string, string>) =>
  new DomainError("Conflict", key, params, fields);
export const Invalid = (key: string, fields?: Record<string, string>, params?: Record<string, string | number>) =>
  new DomainError("Invalid", key, params, fields);
export const Unauthenticated = (key = "errors:signInRequired") => new DomainError("Unauthenticated", key);
export const RateLimited = (retryAfterSeconds: number, key = "errors:rateLimited") =>
  new DomainError("RateLimited", key, { seconds: retryAfterSeconds });

export const HTTP_STATUS: Record<DomainErrorKind, number> = {
  NotFound: 404,
  Forbidden: 403,
  Conflict: 409,
  Invalid: 400,
  Unauthenticated: 401,
  RateLimited: 429,
};

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
