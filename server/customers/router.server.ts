import { z } from "zod";
import { router, tenantProcedure } from "../trpc/init.server";
import { createCustomer, findCustomerByPhone, updateCustomer } from "./customers.server";
import { tenantCustomerFacts } from "./customer-records.server";
import {
  CONSENT_METHODS,
  ZConsentWordsSchema,
  ZCustomerCreateSchema,
  ZCustomerIdSchema,
  ZCustomerUpdateSchema,
  ZMergeCustomersSchema,
  ZSearchCustomersSchema,
  type TCustomerContext,
} from "./customers.types";
import { findDuplicates } from "./duplicates.server";
import { getCustomer } from "./get-customer.server";
import { mergeCustomers } from "./merge-customers.server";
import { listCustomerTags, searchCustomers } from "./search-customers.server";
import { setSmsConsent } from "./sms-consent.server";
import { zId, zText } from "../validation/text";

/** The customers API: staff read, managers and owners change (server/tenants/roles.ts). */
export const customersRouter = router({
  list: tenantProcedure("customers.view")
    .input(ZSearchCustomersSchema)
    .query(({ ctx, input }) => ctx.tenant.db((db) => searchCustomers(db, input))),
  /** What the forms and filters need: the pack's trade fields, tags in use, time zone. */
  context: tenantProcedure("customers.view").query(({ ctx }) =>
    ctx.tenant.db(async (db): Promise<TCustomerContext> => {
      const facts = await tenantCustomerFacts(db);
      return { fields: facts.fields, tags: await listCustomerTags(db), timeZone: facts.timeZone, defaultLocale: facts.defaultLocale };
    }),
  ),
  get: tenantProcedure("customers.view")
    .input(ZCustomerIdSchema)
    .query(({ ctx, input }) => ctx.tenant.db((db) => getCustomer(db, input.id))),
  byPhone: tenantProcedure("customers.view")
    .input(z.object({ phone: zText({ max: 40 }) }).strict())
    .query(({ ctx, input }) => ctx.tenant.db((db) => findCustomerByPhone(db, input.phone))),
  duplicates: tenantProcedure("customers.view")
    .input(ZCustomerIdSchema)
    .query(({ ctx, input }) => ctx.tenant.db((db) => findDuplicates(db, input.id))),
  create: tenantProcedure("customers.manage")
    .input(ZCustomerCreateSchema)
    .mutation(({ ctx, input }) => ctx.tenant.db((db) => createCustomer(db, input, ctx.user.id))),
  update: tenantProcedure("customers.manage")
    .input(ZCustomerUpdateSchema.extend({ id: zId() }))
    .mutation(({ ctx, input: { id, ...patch } }) => ctx.tenant.db((db) => updateCustomer(db, id, patch, ctx.user.id))),
  /** A member records what the customer said about texts, and how they said it. */
  setConsent: tenantProcedure("customers.manage")
    .input(
      z
        .object({
          id: zId(),
          granted: z.boolean(),
          method: z.enum(CONSENT_METHODS),
          words: ZConsentWordsSchema.optional(),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) =>
      ctx.tenant.db((db) =>
        setSmsConsent(db, input.id, {
          granted: input.granted,
          source: `dashboard.${input.method}`,
          words: input.words || null,
          actorUserId: ctx.user.id,
        }),
      ),
    ),
  merge: tenantProcedure("customers.manage")
    .input(ZMergeCustomersSchema)
    .mutation(({ ctx, input }) => ctx.tenant.db((db) => mergeCustomers(db, input.survivorId, input.duplicateId, ctx.user.id))),
});
