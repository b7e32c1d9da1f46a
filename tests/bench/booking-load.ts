/**
 * Booking creation under load, over real HTTP on loopback: `concurrency` keep-alive clients
 * post `booking.create` (the dashboard's procedure, signed in as the owner) to the app's
 * tRPC route. Most requests take distinct (member, time) pairs; some slots are asked for
 * by several clients at once, where exactly one may win and the rest must get CONFLICT.
 */
import { Agent, request as httpRequest } from "node:http";
import { DateTime } from "luxon";
import { sessionStorage } from "../../server/auth/session.server";
import { writeConfig } from "../../server/config/config-service.server";
import { withTenant } from "../../server/db/db.server";
import { getPack } from "../../server/packs";
import { createTenant } from "../../server/tenants/create-tenant.server";
import type { SessionUser } from "../../server/users/session-user";
import { startLoopbackTrpcServer } from "./loopback-server";

export interface BookingLoadOptions {
  concurrency: number;
  /** Requests on distinct (member, time) pairs: each must succeed. */
  distinct: number;
  /** Slots asked for by `contenders` clients at once: one success and contenders - 1 conflicts each. */
  contended: number;
  contenders: number;
}

export interface BookingLoadResult {
  requests: number;
  created: number;
  conflicts: number;
  expectedConflicts: number;
  otherErrors: number;
  wallMs: number;
  bookingsPerSec: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  conflictP50Ms: number;
  /** Bookings in the database afterwards (must equal `created`). */
  storedBookings: number;
}

const TIME_ZONE = "America/Chicago";
const STAFF = 10;
/** Local starts two hours apart: 60-minute jobs with 15 min travel and 15 min buffer never touch. */
const STARTS = ["08:00", "10:00", "12:00", "14:00", "16:00"];

interface Job {
  startsAt: string;
  staffId: string;
  customerId: string;
  contended: boolean;
}

export async function benchBookingLoad(owner: SessionUser, options: BookingLoadOptions): Promise<BookingLoadResult> {
  const setup = await seedLoadTenant(owner);
  const cookie = await sessionCookie(owner.id);
  const server = await startLoopbackTrpcServer();
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const post = (body: unknown) =>
    postJson(agent, `${server.origin}/api/trpc/booking.create`, body, { cookie, "x-tenant-id": setup.tenantId });
  const input = (job: Job) => ({
    serviceId: setup.serviceId,
    startsAt: job.startsAt,
    staffId: job.staffId,
    customer: { id: job.customerId },
  });

  try {
    // Warm-up on days no measured job uses (JIT, pool, caches).
    const warm = slotsFrom(setup, 40, options.concurrency);
    await runJobs(warm, options.concurrency, (job) => post(input(job)));

    const jobs = plan(setup, options);
    const started = performance.now();
    const outcomes = await runJobs(jobs, options.concurrency, (job) => post(input(job)));
    const wallMs = performance.now() - started;

    const ok = outcomes.filter((o) => o.status === 200).map((o) => o.ms);
    const conflicts = outcomes.filter((o) => o.status === 409 && o.code === "CONFLICT");
    const otherErrors = outcomes.length - ok.length - conflicts.length;
    const storedBookings = await withTenant(setup.tenantId, (db) =>
      db.booking.count({ where: { startsAt: { lt: warm.at(0)!.firstOfDay } } }),
    );
    ok.sort((a, b) => a - b);
    const conflictMs = conflicts.map((o) => o.ms).sort((a, b) => a - b);
    return {
      requests: jobs.length,
      created: ok.length,
      conflicts: conflicts.length,
      expectedConflicts: options.contended * (options.contenders - 1),
      otherErrors,
      wallMs: round(wallMs),
      bookingsPerSec: Math.round((ok.length / wallMs) * 1000),
      requestsPerSec: Math.round((jobs.length / wallMs) * 1000),
      p50Ms: round(pick(ok, 0.5)),
      p99Ms: round(pick(ok, 0.99)),
      maxMs: round(ok.at(-1) ?? 0),
      conflictP50Ms: round(pick(conflictMs, 0.5)),
      storedBookings,
    };
  } finally {
    agent.destroy();
    await server.close();
  }
}

interface LoadTenant {
  tenantId: string;
  serviceId: string;
  staffIds: string[];
  customerIds: string[];
  /** Local midnight of tomorrow in the tenant's zone. */
  tomorrow: DateTime;
}

async function seedLoadTenant(owner: SessionUser): Promise<LoadTenant> {
  const pack = getPack("auto-detailing");
  const tenant = await createTenant(
    {
      businessName: "Bench Load Detailing",
      packKey: pack.key,
      timeZone: TIME_ZONE,
      locale: "en",
      hours: pack.config.HOURS.weekly,
      services: pack.services.map((s) => ({
        packServiceKey: s.key,
        name: s.name.en,
        durationMinutes: s.durationMinutes,
        priceCents: s.priceCents,
      })),
    },
    owner,
  );
  return withTenant(tenant.id, async (db) => {
    await writeConfig(db, "BOOKING", { bufferMinutes: 15, travelMinutes: 15 }, null);
    const service = await db.service.create({
      data: {
        tenantId: db.tenantId,
        name: { en: "Express wash", es: "Lavado express" },
        description: { en: "", es: "" },
        durationMinutes: 60,
        priceCents: 6_000,
      },
      select: { id: true },
    });
    const staffIds = (await db.staff.findMany({ select: { id: true } })).map((s) => s.id);
    for (let i = staffIds.length; i < STAFF; i++)
      staffIds.push(
        (await db.staff.create({ data: { tenantId: db.tenantId, name: `Tech ${i + 1}`, sortOrder: i }, select: { id: true } })).id,
      );
    const customerIds: string[] = [];
    for (let i = 0; i < 40; i++) {
      const c = await db.customer.create({
        data: { tenantId: db.tenantId, name: `Load customer ${i}`, phone: `+1512555${String(2000 + i)}` },
        select: { id: true },
      });
      customerIds.push(c.id);
    }
    return {
      tenantId: tenant.id,
      serviceId: service.id,
      staffIds,
      customerIds,
      tomorrow: DateTime.now().setZone(TIME_ZONE).startOf("day").plus({ days: 1 }),
    };
  });
}

/** `count` distinct (member, local start) pairs from day `fromDay` on, member-major within each start. */
function slotsFrom(t: LoadTenant, fromDay: number, count: number): Array<Job & { firstOfDay: Date }> {
  const out: Array<Job & { firstOfDay: Date }> = [];
  for (let i = 0; out.length < count; i++) {
    const day = t.tomorrow.plus({ days: fromDay + Math.floor(i / (STAFF * STARTS.length)) });
    const start = STARTS[Math.floor(i / STAFF) % STARTS.length];
    const [h, m] = start.split(":").map(Number);
    out.push({
      startsAt: day.set({ hour: h, minute: m }).toUTC().toISO()!,
      staffId: t.staffIds[i % STAFF],
      customerId: t.customerIds[out.length % t.customerIds.length],
      contended: false,
      firstOfDay: day.toJSDate(),
    });
  }
  return out;
}

/** Distinct jobs with the contended groups spread through them; a group's copies sit together so they run at the same time. */
function plan(t: LoadTenant, o: BookingLoadOptions): Job[] {
  const distinct = slotsFrom(t, 0, o.distinct + o.contended);
  const contended = distinct.splice(o.distinct, o.contended);
  const jobs: Job[] = [];
  const every = Math.max(1, Math.floor(distinct.length / Math.max(1, o.contended)));
  for (let i = 0; i < distinct.length; i++) {
    jobs.push(distinct[i]);
    const group = i % every === 0 ? contended.shift() : undefined;
    if (group)
      for (let k = 0; k < o.contenders; k++) jobs.push({ ...group, customerId: t.customerIds[k % t.customerIds.length], contended: true });
  }
  for (const group of contended) for (let k = 0; k < o.contenders; k++) jobs.push({ ...group, contended: true });
  return jobs;
}

interface Outcome {
  status: number;
  code: string | null;
  ms: number;
}

/** `concurrency` workers take jobs in order until none are left. */
async function runJobs<T>(jobs: T[], concurrency: number, send: (job: T) => Promise<{ status: number; body: string }>): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(jobs.length);
  let next = 0;
  async function worker() {
    while (next < jobs.length) {
      const i = next++;
      const t0 = performance.now();
      const res = await send(jobs[i]);
      const ms = performance.now() - t0;
      let code: string | null = null;
      if (res.status !== 200) code = (JSON.parse(res.body) as { error?: { data?: { code?: string } } }).error?.data?.code ?? null;
      outcomes[i] = { status: res.status, code, ms };
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

function postJson(agent: Agent, url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: "POST", agent, headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

async function sessionCookie(userId: string): Promise<string> {
  const session = await sessionStorage().getSession();
  session.set("userId", userId);
  return (await sessionStorage().commitSession(session)).split(";")[0]!;
}

function pick(sorted: number[], q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const round = (n: number) => Math.round(n * 1000) / 1000;
