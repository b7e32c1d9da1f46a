import type { BadgeVariant } from "~/components/ui";

/** Badge colour per durable-job run status. */
export const STATUS_BADGE: Record<"QUEUED" | "RUNNING" | "SLEEPING" | "COMPLETED" | "FAILED" | "CANCELLED", BadgeVariant> = {
  QUEUED: "info",
  RUNNING: "brand",
  SLEEPING: "neutral",
  COMPLETED: "success",
  FAILED: "danger",
  CANCELLED: "warning",
};
