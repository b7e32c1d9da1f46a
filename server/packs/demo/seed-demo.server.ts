import { DateTime } from "luxon";
import { hashPassword } from "../../auth/password.server";
import { readBookingConfig } from "../../booking/booking-rules.server";
import { bookingTimes } from "../../booking/booking-times";
import { markConversationRead } from "../../conversations/mark-read.server";
import { recordOutboundMessage } from "../../conversations/record-outbound-message.server";
import { messagePreview } from "../../conversations/preview";
import { storeInboundMessage } from "../../conversations/store-inbound-message.server";
import type { BookingSource, BookingStatus } from "../../db/generated/prisma/enums";
import { setSmsConsent } from "../../customers/sms-consent.server";
import { writeConfig } from "../../config/config-service.server";
import { CLEANMACHINE_DEMO } from "./cleanmachine";
import { getPack } from "..";
import { createTenant } from "../../tenants/create-tenant.server";
import { SESSION_USER_SELECT } from "../../users/session-user";
import { withGlobal, withTenant, type TenantDb } from "../../db/db.server";

export interface DemoLogin {
  businessName: string;
  slug: string;
  email: string;
  password: string;
  adminEmail: string | null;
}

export const DEMO_ADMIN_EMAIL = "admin@servicepro.demo";
const STAFF_COLORS = ["#0f766e", "#b45309", "#7c3aed"];

/**
 * The demo business, seeded once on a fresh database: CleanMachine Mobile Detailing with
 * its owner, team, services, hours and customers, plus a platform admin. Idempotent.
 */
export async function seedDemo(options: { log?: (line: string) => void } = {}): Promise<DemoLogin> {
  const demo = CLEANMACHINE_DEMO;
  const login: DemoLogin = {
    businessName: demo.name,
    slug: demo.slug,
    email: demo.owner.email,
    password: demo.owner.password,
    adminEmail: DEMO_ADMIN_EMAIL,
  };
  const existing = await withGlobal((g) => g.tenant.findUnique({ where: { slug: demo.slug }, select: { id: true } }));
  if (existing) return login;

  const passwordHash = await hashPassword(demo.owner.password);
  const ensureUser = (email: string, name: string, isPlatformAdmin = false) =>
    withGlobal(async (g) => {
      const found = await g.user.findUnique({ where: { email }, select: SESSION_USER_SELECT });
      return found ?? g.user.create({ data: { email, name, passwordHash, isPlatformAdmin }, select: SESSION_USER_SELECT });
    });

  const owner = await ensureUser(demo.owner.email, demo.owner.name);
  await ensureUser(DEMO_ADMIN_EMAIL, "ServicePro Admin", true);
  const team = await Promise.all(demo.team.map(async (m) => ({ ...m, user: await ensureUser(m.email, m.name) })));

  const pack = getPack("auto-detailing");
  const tenant = await createTenant(
    {
      businessName: demo.name,
      slug: demo.slug,
      packKey: pack.key,
      timeZone: demo.timeZone,
      locale: demo.defaultLocale,
      hours: pack.config.HOURS.weekly,
      services: pack.services.map((s) => ({
        packServiceKey: s.key,
        name: s.name[demo.defaultLocale],
        durationMinutes: s.durationMinutes,
        priceCents: s.priceCents,
      })),
    },
    owner,
  );

  await withTenant(tenant.id, async (db) => {
    for (const [i, m] of team.entries()) {
      const membership = await db.membership.create({ data: { tenantId: db.tenantId, userId: m.user.id, role: m.role } });
      await db.staff.create({
        data: {
          tenantId: db.tenantId,
          membershipId: membership.id,
          name: m.name,
          color: STAFF_COLORS[i % STAFF_COLORS.length],
          sortOrder: i + 1,
        },
      });
    }
    await db.customer.createMany({
      data: demo.customers.map((c) => ({
        tenantId: db.tenantId,
        name: c.name,
        phone: c.phone,
        email: c.email ?? null,
        locale: c.locale,
        tags: c.tags ?? [],
        fields: { vehicles: c.vehicles ?? [] },
        notes: c.notes ?? null,
      })),
    });
    await writeConfig(
      db,
      "SITE",
      { contactPhone: demo.contactPhone, contactEmail: demo.contactEmail, serviceAreaNote: demo.serviceAreaNote },
      owner.id,
    );
    // A mobile detailer: the booking page asks where to go and checks it is within reach.
    await writeConfig(db, "BOOKING", { serviceArea: demo.serviceArea }, owner.id);
    // The business line: the team is rung first in the day, the assistant answers after hours;
    // try it from /dashboard/phone (the simulator) with no SignalWire keys.
    await writeConfig(
      db,
      "PHONE",
      {
        // Its own number (the demo caller in the simulator dials in from (512) 555-0142).
        number: "+15125550100",
        mode: "HYBRID",
        ringTargets: [{ name: demo.owner.name, phone: "+15125550198" }],
        ringSeconds: 20,
        missedCallTextBack: true,
        bilingualMenu: true,
        pronunciations: [{ written: "CleanMachine", spoken: "Clean Machine" }],
      },
      owner.id,
    );
    await seedDemoBookings(db, demo.timeZone, new Date());
    await seedDemoInbox(db, owner.id, new Date());
  });
  options.log?.(`seeded demo business ${demo.name} (/s/${demo.slug})`);
  return login;
}

/**
 * A working week for the demo's schedule, relative to today in the business's zone:
 * yesterday .. 10 days ahead, open days only, two or three jobs a day spread over the team.
 * Past jobs are completed (one no-show), a job under way is in progress, later ones are
 * confirmed, one web request waits for the owner and one job was cancelled. Rows are
 * written directly (one insert, no outbox events): these are history, so no confirmation
 * texts or reminders go out for them.
 */
async function seedDemoBookings(db: TenantDb, timeZone: string, now: Date): Promise<void> {
  // One query at a time: this is a transaction's single connection.
  const staff = await db.staff.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true },
  });
  const services = await db.service.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }],
    select: { id: true, packServiceKey: true, durationMinutes: true, priceCents: true },
  });
  const customers = await db.customer.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }], select: { id: true } });
  const config = await readBookingConfig(db);
  if (staff.length === 0 || services.length === 0 || customers.length === 0) return;
  const byKey = (key: string) => services.find((s) => s.packServiceKey === key) ?? services[0];
  // [hour, minute, service]: mornings end by noon and afternoons by 16:00 with travel and buffer (Saturday closes at 16:00).
  const plans: Array<Array<[number, number, string]>> = [
    [
      [8, 30, "full-detail"],
      [13, 30, "interior-detail"],
    ],
    [
      [9, 0, "interior-detail"],
      [14, 0, "express-exterior-wash"],
    ],
    [
      [10, 0, "headlight-restoration"],
      [13, 0, "full-detail"],
    ],
  ];
  const sources: BookingSource[] = ["DASHBOARD", "PUBLIC", "AGENT", "PUBLIC"];
  const today = DateTime.fromJSDate(now).setZone(timeZone).startOf("day");
  const rows: Array<{
    staffId: string;
    serviceId: string;
    customerId: string;
    startsAt: Date;
    durationMinutes: number;
    priceCents: number;
    source: BookingSource;
  }> = [];
  let n = 0;
  for (let offset = -1; offset <= 10; offset++) {
    const day = today.plus({ days: offset });
    if (day.weekday === 7) continue;
    for (const [i, member] of staff.entries()) {
      // A lighter day now and then, so free time is easy to find.
      if ((offset + i) % 4 === 3) continue;
      for (const [j, [hour, minute, key]] of plans[(offset + i + 3) % plans.length].entries()) {
        if (day.weekday === 6 && j > 0) continue;
        const service = byKey(key);
        rows.push({
          staffId: member.id,
          serviceId: service.id,
          customerId: customers[n % customers.length].id,
          startsAt: day.set({ hour, minute }).toJSDate(),
          durationMinutes: service.durationMinutes,
          priceCents: service.priceCents,
          source: sources[n % sources.length],
        });
        n++;
      }
    }
  }
  const upcoming = rows.filter((r) => r.startsAt > now);
  const requested = upcoming[3];
  const cancelled = upcoming[7];
  let noShowMarked = false;
  const statusOf = (r: (typeof rows)[number]): BookingStatus => {
    const endsAt = r.startsAt.getTime() + r.durationMinutes * 60_000;
    if (endsAt <= now.getTime()) {
      if (!noShowMarked && r.source === "PUBLIC") {
        noShowMarked = true;
        return "NO_SHOW";
      }
      return "COMPLETED";
    }
    if (r.startsAt <= now) return "IN_PROGRESS";
    if (r === requested) return "REQUESTED";
    if (r === cancelled) return "CANCELLED";
    return "CONFIRMED";
  };
  await db.booking.createMany({
    data: rows.map((r) => {
      const status = statusOf(r);
      return {
        tenantId: db.tenantId,
        customerId: r.customerId,
        serviceId: r.serviceId,
        staffId: r.staffId,
        status,
        source: r === requested ? "PUBLIC" : r.source,
        ...bookingTimes(r.startsAt, r.durationMinutes, config),
        durationMinutes: r.durationMinutes,
        priceCents: r.priceCents,
        notes: r === requested ? "Can you come to my office parking lot on Congress Ave?" : null,
        cancelReason: status === "CANCELLED" ? "Customer is out of town that week." : null,
        version: status === "CONFIRMED" || status === "REQUESTED" ? 1 : 2,
        createdAt: new Date(Math.min(now.getTime(), r.startsAt.getTime()) - 3 * 86_400_000),
      };
    }),
  });
}

type DemoMessage = { from: "customer" | "us"; body: string; minutesAgo: number };

/** Text threads with demo customers, stored through the inbox's own write path; the newest two are unread. */
const DEMO_THREADS: Array<{ phone: string; unread: boolean; messages: DemoMessage[] }> = [
  {
    phone: "+15125550115",
    unread: true,
    messages: [
      {
        from: "customer",
        body: "Hi! Do you have anything Saturday morning for my Outback? The dogs have been in it all week 🐶",
        minutesAgo: 42,
      },
      { from: "customer", body: "Pet hair removal too please", minutesAgo: 41 },
    ],
  },
  {
    phone: "+15125550103",
    unread: true,
    messages: [
      { from: "us", body: "¡Hola Alejandra! Le recordamos su cita de mañana. Responda C para confirmar.", minutesAgo: 300 },
      { from: "customer", body: "C. ¿Pueden llegar un poco después de las 9? Gracias", minutesAgo: 95 },
    ],
  },
  {
    phone: "+15125550101",
    unread: false,
    messages: [
      { from: "customer", body: "Truck looks brand new, thanks guys. Same time next month?", minutesAgo: 26 * 60 },
      { from: "us", body: "Thanks David! You're on the monthly plan, so we'll text you a day before. See you then.", minutesAgo: 25 * 60 },
    ],
  },
  {
    phone: "+15125550107",
    unread: false,
    messages: [
      { from: "customer", body: "Can you do vans 3 and 4 at the Burnet Rd shop on Thursday?", minutesAgo: 2 * 24 * 60 },
      {
        from: "us",
        body: "Yes, James will be there at 9:00 for both vans. Invoice goes out with the monthly statement.",
        minutesAgo: 2 * 24 * 60 - 30,
      },
      { from: "customer", body: "Perfect 👍", minutesAgo: 2 * 24 * 60 - 40 },
    ],
  },
];

async function seedDemoInbox(db: TenantDb, ownerUserId: string, now: Date): Promise<void> {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  for (const [t, thread] of DEMO_THREADS.entries()) {
    const customer = await db.customer.findFirst({ where: { phone: thread.phone }, select: { id: true } });
    if (!customer) continue;
    // They texted the business and agreed to texts back (recorded in the consent ledger).
    await setSmsConsent(db, customer.id, { granted: true, source: "dashboard.textMessage", words: null, actorUserId: ownerUserId });
    let conversationId: string | null = null;
    let last: { at: Date; body: string } | null = null;
    for (const [m, message] of thread.messages.entries()) {
      if (message.from === "customer") {
        const stored = await storeInboundMessage(db, {
          customer: { id: customer.id },
          channel: "SMS",
          body: message.body,
          provider: "demo",
          providerMessageId: `demo-${t}-${m}`,
          receivedAt: at(message.minutesAgo),
        });
        conversationId = stored.conversationId;
      } else {
        const recorded = await recordOutboundMessage(db, {
          target: { customerId: customer.id },
          channel: "SMS",
          body: message.body,
          authorUserId: ownerUserId,
          idempotencyKey: `demo-${t}-${m}`,
        });
        conversationId = recorded.conversationId;
        // History, not a send: the carrier delivered it back then.
        await db.message.update({ where: { id: recorded.message.id }, data: { status: "DELIVERED", createdAt: at(message.minutesAgo) } });
      }
      last = { at: at(message.minutesAgo), body: message.body };
    }
    if (!conversationId || !last) continue;
    await db.conversation.update({
      where: { id: conversationId },
      data: { lastMessageAt: last.at, lastMessagePreview: messagePreview(last.body) },
    });
    if (!thread.unread) await markConversationRead(db, conversationId);
  }
}
