import type { InngestFunction } from "inngest";
import { bookingConfirmations } from "./booking-confirmations";
import { bookingReminders } from "./booking-reminders";
import { calendarSync } from "./calendar-sync";
import { callFollowUp } from "./call-followup";
import { inboundSms } from "./inbound-sms";
import { voicemailProcessing } from "./voicemail-processing";
import { ownerNotifications } from "./owner-notifications";
import { tenantOnboardingFollowup } from "./tenant-onboarding-followup";

export { calendarSync, callFollowUp, inboundSms, ownerNotifications, tenantOnboardingFollowup, voicemailProcessing };

/** Every Inngest function of the app: served at /api/inngest and run by the local runner. */
export const functions: InngestFunction.Any[] = [
  tenantOnboardingFollowup,
  ownerNotifications,
  calendarSync,
  bookingReminders,
  bookingConfirmations,
  inboundSms,
  voicemailProcessing,
  callFollowUp,
];
