import { Prisma } from "../db/generated/prisma/client";

/**
 * PostgreSQL errors the booking services turn into domain errors. Through a driver adapter
 * (both @prisma/adapter-pg and pglite-prisma-adapter) Prisma 7 reports a constraint it
 * has no code of its own for as PrismaClientKnownRequestError P2039 with the database's
 * SQLSTATE in meta.driverAdapterError.cause.{code, originalCode}; raw queries use P2010
 * with meta.code. We look for the SQLSTATE in those places only.
 */
export const SQLSTATE = {
  exclusionViolation: "23P01",
  deadlockDetected: "40P01",
  serializationFailure: "40001",
} as const;

export function sqlStateOf(error: unknown): string | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  const meta = (error.meta ?? {}) as Record<string, unknown>;
  const adapter = meta.driverAdapterError as { cause?: { code?: unknown; originalCode?: unknown } } | undefined;
  const candidates = [adapter?.cause?.originalCode, adapter?.cause?.code, meta.code];
  for (const c of candidates) if (typeof c === "string" && /^[0-9A-Z]{5}$/.test(c)) return c;
  return null;
}

/** The bookings_no_double_booking exclusion constraint refused a row. */
export function isExclusionViolation(error: unknown): boolean {
  return sqlStateOf(error) === SQLSTATE.exclusionViolation;
}

/** Two transactions fought over the same rows and PostgreSQL aborted one of them. */
export function isContention(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state === SQLSTATE.deadlockDetected || state === SQLSTATE.serializationFailure;
}
