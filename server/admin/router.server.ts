import { z } from "zod";
import { getJobRun, jobRunStats, listJobRuns, retryJobRun } from "../jobs/index.server";
import { NotFound } from "../errors/domain-errors";
import { platformAdminProcedure, router } from "../trpc/init.server";
import { listTenantsForAdmin, setTenantStatus } from "./tenant-status.server";

const ZRunStatus = z.enum(["QUEUED", "RUNNING", "SLEEPING", "COMPLETED", "FAILED", "CANCELLED"]);

/** ServicePro staff only: every business, and the durable-job runs with their failures. */
export const adminRouter = router({
  tenants: router({
    list: platformAdminProcedure.query(() => listTenantsForAdmin()),
    setStatus: platformAdminProcedure
      .input(
        z.object({
          tenantId: z.string().min(1).max(64),
          status: z.enum(["ACTIVE", "SUSPENDED"]),
          reason: z.string().trim().max(500).nullable().default(null),
        }),
      )
      .mutation(({ ctx, input }) => setTenantStatus(input.tenantId, input.status, input.reason, ctx.user.id)),
  }),
  jobs: router({
    stats: platformAdminProcedure.query(() => jobRunStats()),
    list: platformAdminProcedure
      .input(
        z.object({
          status: ZRunStatus.optional(),
          limit: z.number().int().min(1).max(200).default(50),
          cursor: z.string().max(64).optional(),
        }),
      )
      .query(({ input }) => listJobRuns(input)),
    get: platformAdminProcedure.input(z.object({ id: z.string().min(1).max(64) })).query(async ({ input }) => {
      const run = await getJobRun(input.id);
      if (!run) throw NotFound();
      return run;
    }),
    retry: platformAdminProcedure
      .input(z.object({ id: z.string().min(1).max(64) }))
      .mutation(async ({ input }) => ({ retried: await retryJobRun(input.id) })),
  }),
});
