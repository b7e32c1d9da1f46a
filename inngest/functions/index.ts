import type { InngestFunction } from "inngest";
import { ownerNotifications } from "./owner-notifications";
import { tenantOnboardingFollowup } from "./tenant-onboarding-followup";

export { ownerNotifications, tenantOnboardingFollowup };

/** Every Inngest function of the app: served at /api/inngest and run by the local runner. */
export const functions: InngestFunction.Any[] = [tenantOnboardingFollowup, ownerNotifications];
