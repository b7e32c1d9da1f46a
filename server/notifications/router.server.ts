import { z } from "zod";
import { NotFound } from "../errors/domain-errors";
import { router, tenantProcedure } from "../trpc/init.server";
import { clearSmtpSettings, listSentEmail, setSmtpSettings, ZSmtpSettingsSchema } from "./email-settings.server";
import { sendTenantEmail } from "./send-email.server";
import { renderLayout, tr } from "./templates.server";
import { zId, zToken } from "../validation/text";

/** The tenant's email: SMTP settings, a test message, and the sent-mail log (the dev mailbox). */
export const emailRouter = router({
  setSmtp: tenantProcedure("email.manage")
    .input(ZSmtpSettingsSchema)
    .mutation(({ ctx, input }) => ctx.tenant.db((db) => setSmtpSettings(db, input, ctx.user.id))),
  clearSmtp: tenantProcedure("email.manage").mutation(({ ctx }) => ctx.tenant.db((db) => clearSmtpSettings(db, ctx.user.id))),
  sendTest: tenantProcedure("email.manage").mutation(async ({ ctx }) => {
    const name = await ctx.tenant.db((db) => db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { name: true } }));
    return sendTenantEmail(ctx.tenant.tenantId, {
      to: ctx.user.email,
      kind: "test",
      ...renderLayout({
        locale: ctx.locale,
        businessName: name.name,
        subject: tr(ctx.locale, "test.subject"),
        heading: tr(ctx.locale, "test.heading"),
        lines: [tr(ctx.locale, "test.body")],
      }),
    });
  }),
  sent: tenantProcedure("email.manage")
    .input(z.object({ limit: z.number().int().min(1).max(100).default(30), cursor: zToken(64).optional() }))
    .query(({ ctx, input }) => ctx.tenant.db((db) => listSentEmail(db, input))),
  get: tenantProcedure("email.manage")
    .input(z.object({ id: zId() }))
    .query(async ({ ctx, input }) => {
      const row = await ctx.tenant.db((db) => db.emailMessage.findUnique({ where: { id: input.id } }));
      if (!row) throw NotFound();
      return row;
    }),
});
