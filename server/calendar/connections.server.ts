import type { TenantDb } from "../db/db.server";
import type { Prisma } from "../db/generated/prisma/client";
import { NotFound } from "../errors/domain-errors";
import { deleteIntegrationSecret } from "../integrations/secrets.server";
import { grantSecretKey } from "./tokens.server";
import { WORKING_STAFF } from "../scheduling/working-staff.server";

/**
 * Calendar connections: one per business (staff_id null) and at most one per staff member.
 * A booking goes to its staff member's connection when there is one, else to the
 * business's. (Uniqueness per target is kept by the connect flow under an advisory lock.)
 */
export const CALENDAR_PROVIDER = "google";

/** Bookings whose time is written to the calendar (HELD is a checkout in progress). */
export const WRITTEN_STATUSES = ["REQUESTED", "CONFIRMED", "IN_PROGRESS", "COMPLETED", "NO_SHOW"] as const;

export type TConnectionRow = Prisma.CalendarConnectionGetPayload<object>;

/** The connection a staff member's bookings are written to, or null (kept in ServicePro). */
export async function connectionForStaff(db: TenantDb, staffId: string): Promise<TConnectionRow | null> {
  const rows = await db.calendarConnection.findMany({ where: { OR: [{ staffId }, { staffId: null }] }, orderBy: { createdAt: "desc" } });
  return rows.find((c) => c.staffId === staffId) ?? rows.find((c) => c.staffId === null) ?? null;
}

/** Which bookings a connection covers: its staff member's, or (business) everyone's without their own. */
export async function bookingScope(db: TenantDb, connection: Pick<TConnectionRow, "staffId">): Promise<Prisma.BookingWhereInput> {
  if (connection.staffId) return { staffId: connection.staffId };
  const own = await db.calendarConnection.findMany({ where: { staffId: { not: null } }, select: { staffId: true } });
  const excluded = own.map((c) => c.staffId!).filter(Boolean);
  return excluded.length ? { staffId: { notIn: excluded } } : {};
}

/** Bookings still to be written (or removed) for a connection, soonest first. */
export async function bookingsAwaitingSync(
  db: TenantDb,
  connection: Pick<TConnectionRow, "staffId">,
  now: Date,
  limit: number,
): Promise<string[]> {
  const scope = await bookingScope(db, connection);
  const rows = await db.booking.findMany({
    where: {
      AND: [
        scope,
        {
          OR: [
            { status: { in: [...WRITTEN_STATUSES] }, endsAt: { gte: now }, calendarSyncStatus: { not: "SYNCED" } },
            { status: "CANCELLED", calendarSyncStatus: { in: ["PENDING", "FAILED"] } },
          ],
        },
      ],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export interface CalendarTarget {
  /** null = the business calendar. */
  staffId: string | null;
  staffName: string | null;
}

/** Checks that a connect target exists in this tenant (an unknown staff id is NotFound). */
export async function resolveTarget(db: TenantDb, staffId: string | null): Promise<CalendarTarget> {
  if (!staffId) return { staffId: null, staffName: null };
  const staff = await db.staff.findFirst({ where: { id: staffId, ...WORKING_STAFF }, select: { id: true, name: true } });
  if (!staff) throw NotFound("calendar:errors.staffNotFound");
  return { staffId: staff.id, staffName: staff.name };
}

export interface CalendarConnectionView {
  id: string;
  staffId: string | null;
  staffName: string | null;
  status: "CONNECTED" | "DISCONNECTED" | "ERROR";
  accountEmail: string | null;
  calendarId: string;
  lastSyncedAt: Date | null;
  /** How old the busy times are (ms), null when never read. */
  busyAgeMs: number | null;
  consecutiveFailures: number;
  /** A stable problem code (calendar:problems.*), null when healthy. */
  lastError: string | null;
  pendingCount: number;
  failedCount: number;
  busyBlockCount: number;
}

/** Every connection of the tenant with what the owner needs to judge it, plus the targets without one. */
export async function listCalendarConnections(
  db: TenantDb,
  now = new Date(),
): Promise<{ connections: CalendarConnectionView[]; unconnected: CalendarTarget[] }> {
  const [rows, staff] = await Promise.all([
    db.calendarConnection.findMany({ orderBy: [{ createdAt: "asc" }] }),
    db.staff.findMany({ where: WORKING_STAFF, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
  ]);
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const connections = await Promise.all(
    rows.map(async (c): Promise<CalendarConnectionView> => {
      const scope = await bookingScope(db, c);
      const future = { AND: [scope, { OR: [{ endsAt: { gte: now } }, { status: "CANCELLED" as const }] }] };
      const [pendingCount, failedCount, busyBlockCount] = await Promise.all([
        db.booking.count({ where: { ...future, calendarSyncStatus: "PENDING" } }),
        db.booking.count({ where: { ...future, calendarSyncStatus: "FAILED" } }),
        db.calendarBusyBlock.count({ where: { connectionId: c.id, endsAt: { gte: now } } }),
      ]);
      return {
        id: c.id,
        staffId: c.staffId,
        staffName: c.staffId ? (staffName.get(c.staffId) ?? null) : null,
        status: c.status,
        accountEmail: c.accountEmail,
        calendarId: c.externalCalendarId,
        lastSyncedAt: c.lastSyncedAt,
        busyAgeMs: c.lastSyncedAt ? Math.max(0, now.getTime() - c.lastSyncedAt.getTime()) : null,
        consecutiveFailures: c.consecutiveFailures,
        lastError: c.lastError,
        pendingCount,
        failedCount,
        busyBlockCount,
      };
    }),
  );
  const connected = new Set(rows.map((r) => r.staffId ?? "business"));
  const unconnected: CalendarTarget[] = [
    ...(connected.has("business") ? [] : [{ staffId: null, staffName: null }]),
    ...staff.filter((s) => !connected.has(s.id)).map((s) => ({ staffId: s.id, staffName: s.name })),
  ];
  return { connections, unconnected };
}

/** A connection of this tenant, or NotFound (another tenant's id is simply invisible under RLS). */
export async function getConnection(db: TenantDb, connectionId: string): Promise<TConnectionRow> {
  const row = await db.calendarConnection.findUnique({ where: { id: connectionId } });
  if (!row) throw NotFound("calendar:errors.connectionNotFound");
  return row;
}

/**
 * Removes a connection: its busy times (cascade), its encrypted grant, and the pending
 * work of its bookings (nothing will write them any more). Events already in Google
 * stay there; the owner removes ServicePro's access in their Google account if they wish
 * (revoking here could break another business using the same Google account).
 */
export async function disconnectCalendar(db: TenantDb, connectionId: string, actorUserId: string): Promise<{ id: string }> {
  const connection = await getConnection(db, connectionId);
  const scope = await bookingScope(db, connection);
  await db.booking.updateMany({
    where: { AND: [scope, { calendarSyncStatus: { in: ["PENDING", "FAILED"] } }] },
    data: { calendarSyncStatus: "NOT_NEEDED" },
  });
  await db.calendarBusyBlock.deleteMany({ where: { connectionId: connection.id } });
  await deleteIntegrationSecret(db, grantSecretKey(connection.id));
  await db.calendarConnection.delete({ where: { id: connection.id } });
  await db.auditEntry.create({
    data: {
      tenantId: db.tenantId,
      actorUserId,
      action: "calendar.disconnected",
      targetType: "calendar_connection",
      targetId: connection.id,
      data: { staffId: connection.staffId, accountEmail: connection.accountEmail },
    },
  });
  return { id: connection.id };
}
