import type { EmailPort } from "./port";

/**
 * No SMTP configured: nothing leaves the machine. The message is still recorded in
 * email_messages (by the caller), which is the dev mailbox page's content.
 */
export const localEmail: EmailPort = {
  provider: "local",
  async send() {
    return { providerMessageId: null };
  },
};
