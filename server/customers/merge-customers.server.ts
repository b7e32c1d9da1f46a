import type { TenantDb } from "../db/db.server";
import { Prisma, type Customer } from "../db/generated/prisma/client";
import { alreadyMerged, customerNotFound, mergeSelf } from "./customer-errors";
import { readFields, unionFields } from "./customer-fields";
import { toCustomerView } from "./customer-records.server";
import type { TMergeResult } from "./customers.types";
import { normalizeTags } from "./tags";

/**
 * Folds a duplicate record into the survivor, in the caller's unit of work (one
 * transaction): bookings and the conversation move (messages join the survivor's thread
 * when both have one), tags, trade fields and notes are united, contact details the
 * survivor lacks are taken over, and the duplicate is hidden with `merged_into_id`.
 *
 * The consent ledger is append-only (the tenant role may not rewrite it), so its rows
 * stay attached to the record they were written for; `getCustomer` shows the history of
 * merged records with the survivor's. A duplicate keeps its phone number unless the
 * survivor takes it over, so a text from that number still reaches the survivor.
 */
export async function mergeCustomers(
  db: TenantDb,
  survivorId: string,
  duplicateId: string,
  actorUserId: string | null = null,
): Promise<TMergeResult> {
  if (survivorId === duplicateId) throw mergeSelf();
  // Row locks in a fixed order: two merges of the same pair cannot interleave or deadlock.
  const locked = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "customers" WHERE "tenant_id" = ${db.tenantId} AND "id" IN (${Prisma.join([survivorId, duplicateId])}) ORDER BY "id" FOR UPDATE`;
  if (locked.length !== 2) throw customerNotFound();
  const rows = await db.customer.findMany({ where: { tenantId: db.tenantId, id: { in: [survivorId, duplicateId] } } });
  const survivor = rows.find((r) => r.id === survivorId)!;
  const duplicate = rows.find((r) => r.id === duplicateId)!;
  if (survivor.mergedIntoId || duplicate.mergedIntoId) throw alreadyMerged();

  const bookings = await db.booking.updateMany({
    where: { tenantId: db.tenantId, customerId: duplicate.id },
    data: { customerId: survivor.id },
  });
  const conversation = await moveConversation(db, survivor.id, duplicate.id);
  const mergedRecords = await db.customer.updateMany({
    where: { tenantId: db.tenantId, mergedIntoId: duplicate.id },
    data: { mergedIntoId: survivor.id },
  });

  // The phone moves only to a survivor without one; consent to texts belongs to a number, so it moves with it.
  const takePhone = !survivor.phone && Boolean(duplicate.phone);
  await db.customer.update({ where: { id: duplicate.id }, data: { mergedIntoId: survivor.id, ...(takePhone ? { phone: null } : {}) } });
  const merged = await db.customer.update({ where: { id: survivor.id }, data: survivorPatch(survivor, duplicate, takePhone) });

  const moved = {
    bookings: bookings.count,
    messages: conversation.messages,
    conversation: conversation.kind,
    mergedRecords: mergedRecords.count,
    phone: takePhone,
  };
  await db.auditEntry.create({
    data: {
      tenantId: db.tenantId,
      actorUserId,
      action: "customer.merged",
      targetType: "customer",
      targetId: survivor.id,
      data: { duplicateId: duplicate.id, ...moved },
    },
  });
  return { survivor: toCustomerView(merged), moved };
}

function survivorPatch(survivor: Customer, duplicate: Customer, takePhone: boolean): Prisma.CustomerUpdateInput {
  const notes = [...new Set([survivor.notes, duplicate.notes].map((n) => n?.trim()).filter((n): n is string => Boolean(n)))];
  return {
    tags: normalizeTags([...survivor.tags, ...duplicate.tags]),
    fields: unionFields(readFields(survivor.fields), readFields(duplicate.fields)),
    notes: notes.length ? notes.join("\n\n") : null,
    email: survivor.email ?? duplicate.email,
    ...(survivor.address === null && duplicate.address !== null ? { address: duplicate.address as Prisma.InputJsonValue } : {}),
    ...(takePhone
      ? {
          phone: duplicate.phone,
          smsConsent: duplicate.smsConsent,
          smsConsentSource: duplicate.smsConsentSource,
          smsConsentAt: duplicate.smsConsentAt,
        }
      : {}),
  };
}

/** The duplicate's conversation becomes the survivor's, or its messages join the survivor's thread. */
async function moveConversation(
  db: TenantDb,
  survivorId: string,
  duplicateId: string,
): Promise<{ kind: "none" | "moved" | "combined"; messages: number }> {
  const own = await db.conversation.findFirst({ where: { tenantId: db.tenantId, customerId: survivorId } });
  const theirs = await db.conversation.findFirst({ where: { tenantId: db.tenantId, customerId: duplicateId } });
  if (!theirs) return { kind: "none", messages: 0 };
  if (!own) {
    await db.conversation.update({ where: { id: theirs.id }, data: { customerId: survivorId } });
    return { kind: "moved", messages: 0 };
  }
  const moved = await db.message.updateMany({
    where: { tenantId: db.tenantId, conversationId: theirs.id },
    data: { conversationId: own.id },
  });
  const latest = (theirs.lastMessageAt?.getTime() ?? 0) > (own.lastMessageAt?.getTime() ?? 0) ? theirs : own;
  await db.conversation.update({
    where: { id: own.id },
    data: {
      unreadCount: own.unreadCount + theirs.unreadCount,
      lastMessageAt: latest.lastMessageAt,
      lastMessagePreview: latest.lastMessagePreview,
      status: own.status === "OPEN" || theirs.status === "OPEN" ? "OPEN" : "CLOSED",
      assignedUserId: own.assignedUserId ?? theirs.assignedUserId,
      // The AI keeps answering only if nobody turned it off in either thread.
      aiEnabled: own.aiEnabled && theirs.aiEnabled,
    },
  });
  await db.conversation.delete({ where: { id: theirs.id } });
  return { kind: "combined", messages: moved.count };
}
