import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDatabase, withGlobal, withTenant, type TenantDb } from "../../../server/db/db.server";
import { emitEvent } from "../../../server/events/outbox.server";
import { putIntegrationSecret } from "../../../server/integrations/secrets.server";
import { inviteMember } from "../../../server/tenants/team.server";
import { addMember, createTestTenant, createTestUser, uid } from "../../helpers/factories";

/**
 * The isolation proof. Driven by the database itself: every table in schema public with a
 * tenant_id column must be under FORCED row-level security, and tenant B must not be able
 * to read, change, delete, forge or steal tenant A's rows in it. A new tenant table with no
 * row factory below fails this file, so it cannot ship without being covered.
 */

/** Creates one row of a table for a tenant and returns its id. */
type RowFactory = (tenantId: string) => Promise<string>;
/** Most rows are written by the tenant itself, through the RLS-bound door. */
const asTenant =
  (create: (db: TenantDb) => Promise<string>): RowFactory =>
  (tenantId) =>
    withTenant(tenantId, create);

const ROW_FACTORIES: Record<string, RowFactory> = {
  domains: asTenant(
    async (db) => (await db.domain.create({ data: { tenantId: db.tenantId, hostname: `${uid("iso")}.example.com`, kind: "CUSTOM" } })).id,
  ),
  // The member is a platform user first (withGlobal), then joins the tenant (withTenant).
  memberships: async (tenantId) => addMember(tenantId, await createTestUser(), "STAFF"),
  invitations: asTenant(
    async (db) =>
      (await inviteMember(db, { email: `${uid("inv")}@test.example`, role: "STAFF" }, { userId: "rls-test", role: "OWNER" })).invitationId,
  ),
  config_overrides: asTenant(
    async (db) => (await db.configOverride.create({ data: { tenantId: db.tenantId, node: "PHONE", data: { ringSeconds: 30 } } })).id,
  ),
  services: asTenant(
    async (db) =>
      (
        await db.service.create({
          data: {
            tenantId: db.tenantId,
            name: { en: "Iso", es: "Iso" },
            description: { en: "", es: "" },
            durationMinutes: 30,
            priceCents: 1234,
          },
        })
      ).id,
  ),
  customers: asTenant(
    async (db) =>
      (
        await db.customer.create({
          data: {
            tenantId: db.tenantId,
            name: "Iso Customer",
            phone: `+1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`,
            tags: ["vip"],
            fields: { car: "Civic" },
          },
        })
      ).id,
  ),
  audit_log: asTenant(
    async (db) =>
      (await db.auditEntry.create({ data: { tenantId: db.tenantId, action: "rls.test", targetType: "test", data: { n: 1 } } })).id,
  ),
  outbox_events: asTenant((db) => emitEvent(db, "member/joined", { tenantId: db.tenantId, userId: "rls-test", role: "STAFF" })),
  integration_secrets: asTenant(async (db) => {
    await putIntegrationSecret(db, "rls-test", "s3cret");
    return (await db.integrationSecret.findUniqueOrThrow({ where: { tenantId_provider: { tenantId: db.tenantId, provider: "rls-test" } } }))
      .id;
  }),
  staff: asTenant(async (db) => (await db.staff.create({ data: { tenantId: db.tenantId, name: "Iso Tech" } })).id),
  schedule_exceptions: asTenant(
    async (db) =>
      (
        await db.scheduleException.create({
          data: {
            tenantId: db.tenantId,
            kind: "CLOSED",
            startsAt: new Date("2030-12-25T00:00:00Z"),
            endsAt: new Date("2030-12-26T00:00:00Z"),
            reason: "Holiday",
          },
        })
      ).id,
  ),
  bookings: asTenant(async (db) => (await isoBooking(db)).id),
  booking_events: asTenant(async (db) => {
    const booking = await isoBooking(db);
    return (
      await db.bookingEvent.create({ data: { tenantId: db.tenantId, bookingId: booking.id, toStatus: "CONFIRMED", actorKind: "SYSTEM" } })
    ).id;
  }),
  calendar_connections: asTenant(async (db) => (await isoConnection(db)).id),
  calendar_busy_blocks: asTenant(async (db) => {
    const connection = await isoConnection(db);
    return (
      await db.calendarBusyBlock.create({
        data: {
          tenantId: db.tenantId,
          connectionId: connection.id,
          startsAt: new Date("2030-01-01T15:00:00Z"),
          endsAt: new Date("2030-01-01T16:00:00Z"),
          externalId: uid("evt"),
        },
      })
    ).id;
  }),
  consent_events: asTenant(
    async (db) =>
      (
        await db.consentEvent.create({
          data: { tenantId: db.tenantId, phone: "+15125550100", channel: "SMS", action: "OPT_IN", source: "rls-test" },
        })
      ).id,
  ),
  conversations: asTenant(async (db) => (await isoConversation(db)).id),
  phone_numbers: asTenant(
    async (db) =>
      (
        await db.phoneNumber.create({
          data: { tenantId: db.tenantId, number: `+1737${Math.floor(1_000_000 + Math.random() * 8_999_999)}`, provider: "local" },
        })
      ).id,
  ),
  calls: asTenant(
    async (db) =>
      (
        await db.call.create({
          data: {
            tenantId: db.tenantId,
            provider: "rls",
            providerCallId: uid("call"),
            direction: "INBOUND",
            fromNumber: "+15125550100",
            toNumber: "+15125550199",
            mode: "AI_FIRST",
            status: "COMPLETED",
          },
        })
      ).id,
  ),
  usage_events: asTenant(
    async (db) =>
      (
        await db.usageEvent.create({
          data: {
            tenantId: db.tenantId,
            kind: "SMS_SEGMENT_INBOUND",
            quantity: 1,
            idempotencyKey: uid("use"),
            sourceType: "message",
            sourceId: "m1",
            occurredAt: new Date(),
          },
        })
      ).id,
  ),
  messages: asTenant(async (db) => {
    const conversation = await isoConversation(db);
    return (
      await db.message.create({
        data: {
          tenantId: db.tenantId,
          conversationId: conversation.id,
          channel: "SMS",
          direction: "INBOUND",
          status: "RECEIVED",
          body: "hola",
          provider: "rls",
          providerMessageId: uid("m"),
        },
      })
    ).id;
  }),
  email_messages: asTenant(
    async (db) =>
      (
        await db.emailMessage.create({
          data: {
            tenantId: db.tenantId,
            toAddress: "owner@example.com",
            subject: "Hi",
            text: "Hi",
            html: "<p>Hi</p>",
            kind: "test",
            status: "SENT",
            provider: "local",
          },
        })
      ).id,
  ),
  // The tenant role may only read job runs: the platform (withGlobal) writes them.
  job_runs: (tenantId) =>
    withGlobal(
      async (g) =>
        (
          await g.jobRun.create({
            data: {
              functionId: uid("rls-fn"),
              eventId: randomUUID(),
              eventName: "rls/test",
              event: { name: "rls/test" },
              tenantId,
              status: "COMPLETED",
              maxAttempts: 1,
            },
          })
        ).id,
    ),
};

async function isoCustomer(db: TenantDb) {
  return db.customer.create({
    data: { tenantId: db.tenantId, name: "Iso Booker", phone: `+1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}` },
  });
}

async function isoBooking(db: TenantDb) {
  const [customer, staff, service] = await Promise.all([
    isoCustomer(db),
    db.staff.create({ data: { tenantId: db.tenantId, name: "Iso Booked Tech" } }),
    db.service.create({
      data: {
        tenantId: db.tenantId,
        name: { en: "Iso", es: "Iso" },
        description: { en: "", es: "" },
        durationMinutes: 60,
        priceCents: 5000,
      },
    }),
  ]);
  const startsAt = new Date("2030-03-04T15:00:00Z");
  return db.booking.create({
    data: {
      tenantId: db.tenantId,
      customerId: customer.id,
      serviceId: service.id,
      staffId: staff.id,
      status: "CONFIRMED",
      source: "DASHBOARD",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      blockedFrom: startsAt,
      blockedUntil: new Date(startsAt.getTime() + 3_600_000),
      durationMinutes: 60,
      priceCents: 5000,
    },
  });
}

async function isoConnection(db: TenantDb) {
  return db.calendarConnection.create({
    data: { tenantId: db.tenantId, provider: "google", status: "CONNECTED", externalCalendarId: "primary" },
  });
}

async function isoConversation(db: TenantDb) {
  const customer = await isoCustomer(db);
  return db.conversation.create({ data: { tenantId: db.tenantId, customerId: customer.id } });
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;
const DENIED = /row-level security|permission denied/i;

async function admin() {
  return (await getDatabase()).admin;
}

/** Unique columns besides id, for tables whose forged copy would otherwise hit a unique index. */
const UNIQUE_COLUMNS: Record<string, string[]> = { calls: ["provider_call_id"], usage_events: ["idempotency_key"] };

async function createRow(table: string, tenantId: string): Promise<string> {
  const factory = ROW_FACTORIES[table];
  if (!factory) throw new Error(`no row factory for tenant table "${table}": add one to ROW_FACTORIES`);
  return factory(tenantId);
}

async function tenantTables() {
  return (await admin()).query<{ table: string; rls: boolean; forced: boolean; policies: number; tenant_policies: number }>(`
    SELECT c.relname AS "table", c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
           (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
           (SELECT count(*)::int FROM pg_policy p
              WHERE p.polrelid = c.oid AND (SELECT oid FROM pg_roles WHERE rolname = 'app_tenant') = ANY (p.polroles)) AS tenant_policies
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
    ORDER BY c.relname`);
}

async function privileges(table: string) {
  const [row] = await (
    await admin()
  ).query<{ upd: boolean; del: boolean }>(
    `SELECT has_table_privilege('app_tenant', $1, 'UPDATE') AS upd, has_table_privilege('app_tenant', $1, 'DELETE') AS del`,
    [`public.${q(table)}`],
  );
  // Some tables grant INSERT on a subset of columns only (e.g. domains without verified_at).
  const insertable = await (
    await admin()
  ).query<{ column: string }>(
    `SELECT a.attname AS column FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
        AND has_column_privilege('app_tenant', a.attrelid, a.attname, 'INSERT')
      ORDER BY a.attnum`,
    [`public.${q(table)}`],
  );
  const columns = insertable.map((c) => c.column);
  return { ...row!, ins: columns.length > 0, columns };
}

async function rowAsJson(table: string, id: string): Promise<Record<string, unknown> | undefined> {
  const rows = await (
    await admin()
  ).query<{ j: Record<string, unknown> | string }>(`SELECT row_to_json(t) AS j FROM ${q(table)} t WHERE "id" = $1`, [id]);
  const j = rows[0]?.j;
  return typeof j === "string" ? JSON.parse(j) : j;
}

/** INSERT of a row given as JSON, through the columns the tenant role may insert (all columns when none given). */
const insertFromJson = (table: string, columns?: string[]) => {
  const cols = columns?.length ? columns.map(q).join(", ") : "*";
  return `INSERT INTO ${q(table)} ${columns?.length ? `(${cols})` : ""} SELECT ${cols} FROM json_populate_record(NULL::${q(table)}, $1::json)`;
};

/** Every way tenant B could reach tenant A's row in `table`; throws (with the table named) on the first leak. */
async function proveIsolation(table: string, a: string, b: string) {
  const t = q(table);
  const can = await privileges(table);
  const rowA = await createRow(table, a);
  const rowB = await createRow(table, b);
  const original = await rowAsJson(table, rowA);
  expect(original?.tenant_id, "factory row belongs to A").toBe(a);

  // Control: A sees its own row, so "B sees nothing" below is meaningful.
  expect(
    await withTenant(a, (db) => db.$queryRawUnsafe<Array<{ id: string }>>(`SELECT "id" FROM ${t} WHERE "id" = $1`, rowA)),
    "A reads its own row",
  ).toEqual([{ id: rowA }]);

  // Read: by id and by count.
  expect(
    await withTenant(b, (db) => db.$queryRawUnsafe<Array<{ id: string }>>(`SELECT "id" FROM ${t} WHERE "id" = $1`, rowA)),
    "B reads A's row by id",
  ).toEqual([]);
  const seenByB = await withTenant(b, async (db) =>
    Number((await db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n),
  );
  const [{ own, total }] = await (
    await admin()
  ).query<{ own: number; total: number }>(`SELECT count(*) FILTER (WHERE "tenant_id" = $1)::int AS own, count(*)::int AS total FROM ${t}`, [
    b,
  ]);
  expect(seenByB, "B's count is exactly B's rows").toBe(own);
  expect(total).toBeGreaterThan(own);
  const leaked = await withTenant(b, (db) =>
    db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${t} WHERE "tenant_id" <> $1`, b),
  );
  expect(Number(leaked[0]!.n), "B sees no row of another tenant").toBe(0);

  // Update and delete A's row.
  const update = withTenant(b, (db) => db.$executeRawUnsafe(`UPDATE ${t} SET "tenant_id" = "tenant_id" WHERE "id" = $1`, rowA));
  if (can.upd) expect(await update, "B updates A's row").toBe(0);
  else await expect(update, "B updates A's row").rejects.toThrow(/permission denied/i);
  const del = withTenant(b, (db) => db.$executeRawUnsafe(`DELETE FROM ${t} WHERE "id" = $1`, rowA));
  if (can.del) expect(await del, "B deletes A's row").toBe(0);
  else await expect(del, "B deletes A's row").rejects.toThrow(/permission denied/i);

  // Insert a row carrying A's tenant_id (A's row, new id).
  // A new id, and fresh values for the table's other unique keys, so only RLS can refuse it.
  const fresh = Object.fromEntries((UNIQUE_COLUMNS[table] ?? []).map((column) => [column, uid(column)]));
  const forged = JSON.stringify({ ...original, id: randomUUID(), ...fresh });
  await expect(
    withTenant(b, (db) => db.$executeRawUnsafe(insertFromJson(table, can.columns), forged)),
    "B inserts a row for A",
  ).rejects.toThrow(can.ins ? /row-level security/i : /permission denied/i);

  // Move B's own row into A.
  const move = withTenant(b, (db) => db.$executeRawUnsafe(`UPDATE ${t} SET "tenant_id" = $1 WHERE "id" = $2`, a, rowB));
  if (can.upd) await expect(move, "B moves its row into A").rejects.toThrow(/row-level security/i);
  else await expect(move, "B moves its row into A").rejects.toThrow(/permission denied/i);

  // Nothing changed: A's row is intact and B's row is still B's.
  expect(await rowAsJson(table, rowA), "A's row unchanged").toEqual(original);
  expect((await rowAsJson(table, rowB))?.tenant_id, "B's row still B's").toBe(b);

  // Control: the same generic statements work for A itself (so B's failures are RLS, not SQL).
  if (can.del) {
    expect(await withTenant(a, (db) => db.$executeRawUnsafe(`DELETE FROM ${t} WHERE "id" = $1`, rowA))).toBe(1);
    expect(await withTenant(a, (db) => db.$executeRawUnsafe(insertFromJson(table, can.columns), JSON.stringify(original)))).toBe(1);
    expect(await rowAsJson(table, rowA)).toEqual(original);
  } else if (can.ins) {
    expect(await withTenant(a, (db) => db.$executeRawUnsafe(insertFromJson(table, can.columns), forged))).toBe(1);
  }
  if (can.upd)
    expect(await withTenant(a, (db) => db.$executeRawUnsafe(`UPDATE ${t} SET "tenant_id" = "tenant_id" WHERE "id" = $1`, rowA))).toBe(1);
}

describe("row-level security: tenant isolation", () => {
  it("every table with tenant_id has RLS enabled AND forced, and policies (one for app_tenant)", async () => {
    const tables = await tenantTables();
    // Sanity: the query finds the tenant tables we know about.
    expect(tables.map((t) => t.table)).toEqual(
      expect.arrayContaining(["services", "memberships", "config_overrides", "audit_log", "outbox_events"]),
    );
    const weak = tables.filter((t) => !t.rls || !t.forced || t.policies < 1 || t.tenant_policies < 1).map((t) => t.table);
    expect(weak).toEqual([]);
  });

  it("every tenant table has a row factory (a new table needs one), and no factory is stale", async () => {
    const tables = (await tenantTables()).map((t) => t.table);
    expect(
      tables.filter((t) => !ROW_FACTORIES[t]),
      "tenant tables without a row factory",
    ).toEqual([]);
    expect(
      Object.keys(ROW_FACTORIES).filter((t) => !tables.includes(t)),
      "factories for tables that no longer exist",
    ).toEqual([]);
  });

  it("tenant B can neither read, update, delete, forge nor steal tenant A's rows, in EVERY tenant table", async () => {
    const tables = (await tenantTables()).map((t) => t.table);
    expect(tables.length).toBeGreaterThanOrEqual(10);
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const failures: string[] = [];
    for (const table of tables) {
      try {
        await proveIsolation(table, a.id, b.id);
      } catch (error) {
        failures.push(`${table}: ${(error as Error).message.split("\n")[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("a query outside withTenant/withGlobal has no privileges at all", async () => {
    const { prisma } = await getDatabase();
    await expect(prisma.service.count()).rejects.toThrow(/permission denied/i);
    await expect(prisma.tenant.findMany()).rejects.toThrow(/permission denied/i);
    await expect(prisma.$queryRawUnsafe(`SELECT count(*) FROM "users"`)).rejects.toThrow(/permission denied/i);
  });

  it("the users table shows a tenant only its own members", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const [staffA, outsider] = await Promise.all([createTestUser(), createTestUser()]);
    await addMember(a.id, staffA, "STAFF");
    const ids = [a.owner.id, staffA.id, b.owner.id, outsider.id];
    const visible = async (tenantId: string) =>
      (await withTenant(tenantId, (db) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true } }))).map((u) => u.id).sort();
    expect(await visible(a.id)).toEqual([a.owner.id, staffA.id].sort());
    expect(await visible(b.id)).toEqual([b.owner.id]);
    // And the tenant role cannot write users at all.
    await expect(
      withTenant(a.id, (db) => db.$executeRawUnsafe(`UPDATE "users" SET "name" = 'x' WHERE "id" = $1`, a.owner.id)),
    ).rejects.toThrow(DENIED);
    // withGlobal sees everyone.
    expect(await withGlobal((g) => g.user.count({ where: { id: { in: ids } } }))).toBe(4);
  });

  it("job_runs (and their steps) under tenant B hide tenant A's runs", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const runA = await createRow("job_runs", a.id);
    const runB = await createRow("job_runs", b.id);
    await withGlobal((g) => g.jobStep.create({ data: { runId: runA, stepId: "s1", name: "step", op: "StepRun", output: { ok: true } } }));
    const seen = await withTenant(b.id, async (db) => ({
      runs: (await db.jobRun.findMany({ where: { id: { in: [runA, runB] } }, select: { id: true } })).map((r) => r.id),
      steps: await db.jobStep.count({ where: { runId: runA } }),
      all: await db.jobRun.count({ where: { NOT: { tenantId: b.id } } }),
    }));
    expect(seen).toEqual({ runs: [runB], steps: 0, all: 0 });
    const seenByA = await withTenant(a.id, async (db) => ({
      runs: (await db.jobRun.findMany({ where: { id: { in: [runA, runB] } }, select: { id: true } })).map((r) => r.id),
      steps: await db.jobStep.count({ where: { runId: runA } }),
    }));
    expect(seenByA).toEqual({ runs: [runA], steps: 1 });
  });

  it("the tenants table shows a tenant only itself, and it cannot rename another tenant", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    expect(await withTenant(b.id, (db) => db.tenant.findMany({ where: { id: { in: [a.id, b.id] } }, select: { id: true } }))).toEqual([
      { id: b.id },
    ]);
    expect(await withTenant(b.id, (db) => db.$executeRawUnsafe(`UPDATE "tenants" SET "name" = 'stolen' WHERE "id" = $1`, a.id))).toBe(0);
    expect((await withGlobal((g) => g.tenant.findUniqueOrThrow({ where: { id: a.id } }))).name).toBe(a.name);
  });
});
