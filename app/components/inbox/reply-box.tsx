import { useFetcher } from "@remix-run/react";
import { Mail, MessageSquare, Send, StickyNote } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TReplyChannel } from "#server/conversations/conversations.types";
import { smsLength } from "#server/integrations/sms/segments";
import { Alert, Button, cn, Input, SegmentedControl, Textarea } from "~/components/ui";

export type TReplyResult =
  | { ok: true; intent: string; status?: string }
  | { ok: false; intent: string; error: { message: string; fields: Record<string, string> | null } };

/**
 * The reply box: channel (text, email, internal note), the message, Send. Ctrl/⌘+Enter
 * sends. Channels the customer cannot receive (no phone, no email) are disabled.
 */
export function ReplyBox({
  conversationId,
  customer,
  defaultChannel,
}: {
  conversationId: string;
  customer: { name: string; phone: string | null; email: string | null };
  defaultChannel: TReplyChannel;
}) {
  const { t } = useTranslation("inbox");
  const fetcher = useFetcher<TReplyResult>({ key: `reply-${conversationId}` });
  const formRef = useRef<HTMLFormElement>(null);
  const [channel, setChannel] = useState<TReplyChannel>(defaultChannel);
  const [body, setBody] = useState("");
  const bodyId = useId();
  const hintId = useId();
  const busy = fetcher.state !== "idle";
  const result = fetcher.data;

  useEffect(() => setChannel(defaultChannel), [conversationId, defaultChannel]);
  useEffect(() => {
    if (fetcher.state === "idle" && result?.ok && result.intent === "reply") {
      setBody("");
      formRef.current?.reset();
    }
  }, [fetcher.state, result]);

  const sms = channel === "SMS" ? smsLength(body) : null;
  const placeholder =
    channel === "NOTE"
      ? t("reply.notePlaceholder")
      : t(channel === "SMS" ? "reply.smsPlaceholder" : "reply.emailPlaceholder", { name: customer.name });
  const error = result && !result.ok && result.intent === "reply" ? result.error : null;

  return (
    <fetcher.Form noValidate ref={formRef} method="post" className="space-y-2" aria-label={t("reply.label")}>
      <input type="hidden" name="intent" value="reply" />
      <div className="flex flex-wrap items-center gap-2">
        <SegmentedControl
          name="channel"
          label={t("reply.channel")}
          size="sm"
          value={channel}
          onValueChange={(v) => setChannel(v as TReplyChannel)}
          options={[
            { value: "SMS", label: t("reply.SMS"), icon: <MessageSquare />, disabled: !customer.phone },
            { value: "EMAIL", label: t("reply.EMAIL"), icon: <Mail />, disabled: !customer.email },
            { value: "NOTE", label: t("reply.NOTE"), icon: <StickyNote /> },
          ]}
          data-testid="reply-channel"
        />
        {!customer.phone ? (
          <span className="text-xs text-slate-500">{t("reply.noPhone")}</span>
        ) : !customer.email ? (
          <span className="text-xs text-slate-500">{t("reply.noEmail")}</span>
        ) : null}
      </div>
      {channel === "EMAIL" ? (
        <Input name="subject" aria-label={t("reply.subject")} placeholder={t("reply.subject")} maxLength={200} />
      ) : null}
      <label htmlFor={bodyId} className="sr-only">
        {t("reply.label")}
      </label>
      <Textarea
        id={bodyId}
        name="body"
        rows={3}
        required
        maxLength={1600}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        placeholder={placeholder}
        aria-describedby={hintId}
        aria-invalid={error ? true : undefined}
        className={cn("min-h-20 resize-y", channel === "NOTE" && "border-amber-300 bg-amber-50 focus-visible:ring-amber-500")}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            if (body.trim() && !busy) formRef.current?.requestSubmit();
          }
        }}
        data-testid="reply-body"
      />
      {error ? <Alert variant="danger" description={error.fields?.body ?? error.message} /> : null}
      <div className="flex items-center gap-3">
        <p id={hintId} className="min-w-0 flex-1 text-xs text-slate-500">
          {sms && body ? t("reply.smsCount", { chars: body.length, count: sms.segments }) : null}
          <span className={cn("hidden lg:inline", sms && body && "before:content-['_·_']")}>{t("reply.shortcut")}</span>
        </p>
        <Button type="submit" loading={busy} loadingText={t("reply.sending")} disabled={!body.trim()} data-testid="reply-send">
          {channel === "NOTE" ? <StickyNote aria-hidden /> : <Send aria-hidden />}
          {channel === "NOTE" ? t("reply.addNote") : t("reply.send")}
        </Button>
      </div>
    </fetcher.Form>
  );
}
