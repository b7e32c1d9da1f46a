import { z } from "zod";
import { NotFound } from "../errors/domain-errors";
import { authedProcedure, publicProcedure, router, tenantProcedure } from "../trpc/init.server";
import { createTenant, isSlugAvailable, ZOnboardingSchema } from "./create-tenant.server";
import { addCustomDomain, listDomains, removeCustomDomain, verificationRecord, verifyCustomDomain } from "./domains.server";
import { CAPABILITIES, assignableRoles } from "./roles";
import { isValidSlug, slugify } from "./slug";
import {
  acceptInvitation,
  changeMemberRole,
  describeInvitation,
  inviteMember,
  listTeam,
  removeMember,
  revokeInvitation,
  ZInviteMemberSchema,
  ZRoleSchema,
} from "./team.server";
import { zId, zText, zToken } from "../validation/text";
import { TEXT_LIMITS } from "../validation/limits";

export const tenantsRouter = router({
  /** Onboarding: create a business owned by the signed-in user. */
  create: authedProcedure.input(ZOnboardingSchema).mutation(({ ctx, input }) => createTenant(input, ctx.user)),
  suggestSlug: publicProcedure.input(z.object({ name: zText({ max: 120 }) })).query(async ({ input }) => {
    const slug = slugify(input.name);
    return { slug, valid: isValidSlug(slug), available: await isSlugAvailable(slug) };
  }),
  /** The business the dashboard is working on, with the caller's role. */
  current: tenantProcedure("STAFF").query(async ({ ctx }) => {
    const tenant = await ctx.tenant.db((db) =>
      db.tenant.findUnique({
        where: { id: db.tenantId },
        select: {
          id: true,
          slug: true,
          name: true,
          industryPackKey: true,
          timeZone: true,
          defaultLocale: true,
          status: true,
          createdAt: true,
        },
      }),
    );
    if (!tenant) throw NotFound();
    return { tenant, role: ctx.tenant.role };
  }),
});

export const teamRouter = router({
  list: tenantProcedure("STAFF").query(async ({ ctx }) => ({
    ...(await ctx.tenant.db((db) => listTeam(db))),
    myRole: ctx.tenant.role,
    assignableRoles: assignableRoles(ctx.tenant.role),
    capabilities: CAPABILITIES,
  })),
  invite: tenantProcedure("team.inviteStaff")
    .input(ZInviteMemberSchema)
    .mutation(({ ctx, input }) => ctx.tenant.db((db) => inviteMember(db, input, { userId: ctx.user.id, role: ctx.tenant.role }))),
  revokeInvitation: tenantProcedure("team.inviteStaff")
    .input(z.object({ invitationId: zId() }))
    .mutation(({ ctx, input }) =>
      ctx.tenant.db((db) => revokeInvitation(db, input.invitationId, { userId: ctx.user.id, role: ctx.tenant.role })),
    ),
  changeRole: tenantProcedure("team.manage")
    .input(z.object({ membershipId: zId(), role: ZRoleSchema }))
    .mutation(({ ctx, input }) =>
      ctx.tenant.db((db) => changeMemberRole(db, input.membershipId, input.role, { userId: ctx.user.id, role: ctx.tenant.role })),
    ),
  remove: tenantProcedure("STAFF")
    .input(z.object({ membershipId: zId() }))
    .mutation(({ ctx, input }) =>
      ctx.tenant.db((db) => removeMember(db, input.membershipId, { userId: ctx.user.id, role: ctx.tenant.role })),
    ),
  describeInvitation: publicProcedure.input(z.object({ token: zToken(200) })).query(({ input }) => describeInvitation(input.token)),
  acceptInvitation: authedProcedure
    .input(z.object({ token: zToken(200) }))
    .mutation(({ ctx, input }) => acceptInvitation(input.token, ctx.user)),
});

export const domainsRouter = router({
  list: tenantProcedure("STAFF").query(async ({ ctx }) => {
    const domains = await ctx.tenant.db((db) => listDomains(db));
    return domains.map((d) => ({ ...d, verification: verificationRecord(d) }));
  }),
  add: tenantProcedure("site.manage")
    .input(z.object({ hostname: zText({ max: TEXT_LIMITS.hostname }) }))
    .mutation(({ ctx, input }) => addCustomDomain(ctx.tenant.tenantId, input.hostname, ctx.user.id)),
  remove: tenantProcedure("site.manage")
    .input(z.object({ domainId: zId() }))
    .mutation(({ ctx, input }) => ctx.tenant.db((db) => removeCustomDomain(db, input.domainId, ctx.user.id))),
  verify: tenantProcedure("site.manage")
    .input(z.object({ domainId: zId() }))
    .mutation(async ({ ctx, input }) => ({ verified: await verifyCustomDomain(ctx.tenant.tenantId, input.domainId, ctx.user.id) })),
});
