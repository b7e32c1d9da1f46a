import { Globe, Mail, MessageSquare, Phone, StickyNote, Voicemail, type LucideProps } from "lucide-react";
import type { TMessageChannel } from "#server/conversations/conversations.types";

const ICONS = { SMS: MessageSquare, CALL: Phone, VOICEMAIL: Voicemail, EMAIL: Mail, WEBCHAT: Globe, NOTE: StickyNote } as const;

/** The icon of a message channel (decorative: pair it with text or an aria-label). */
export function ChannelIcon({ channel, ...props }: { channel: TMessageChannel } & LucideProps) {
  const Icon = ICONS[channel];
  return <Icon aria-hidden {...props} />;
}
