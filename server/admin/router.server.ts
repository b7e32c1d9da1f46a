import { z } from "zod";
import { getJobRun, jobRunStats, listJobRuns, retryJobRun } from "../jobs/index.server";
import { NotFound } from "../errors/domain-errors";
import { listDeadLetters, retryDeadLetter } from "../events/dead-letters.server";
import { platformAdminProcedure, router } from "../trpc/init.server";
import { listTenantsForAdmin, setTenantStatus } from "./tenant-status.server";
import { zId, zText, zToken } from "../validation/text";

const ZRunStatus = z.enum(["QUEUED", "RUNNING", "SLEEPING", "COMPLETED", "FAILED", "CANCELLED"]);

/** ServicePro staff only: every business, the durable-job runs with their failures, and undeliverable events. */
export const adminRouter = router({
  tenants: router({
    list: platformAdminProcedure.query(() => listTenantsForAdmin()),
    setStatus: platformAdminProcedure
      .input(
        z.object({
          tenantId: zId(),
          status: z.enum(["ACTIVE", "SUSPENDED"]),
          reason: zText({ max: 500, multiline: true }).nullable().default(null),
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
          cursor: zToken(64).optional(),
        }),
      )
      .query(({ input }) => listJobRuns(input)),
    get: platformAdminProcedure.input(z.object({ id: zId() })).query(async ({ input }) => {
      const run = await getJobRun(input.id);
      if (!run) throw NotFound();
      return run;
    }),
    retry: platformAdminProcedure.input(z.object({ id: zId() })).mutation(async ({ input }) => ({ retried: await retryJobRun(input.id) })),
  }),
  outbox: router({
    deadLetters: platformAdminProcedure
      .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }))
      .query(({ input }) => listDeadLetters(input)),
    retry: platformAdminProcedure
      .input(z.object({ id: zId() }))
      .mutation(async ({ ctx, input }) => ({ retried: await retryDeadLetter(input.id, ctx.user.id) })),
  }),
});
