import { AlertTriangle, Ban, Bot, StickyNote } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { TInboxMessage } from "#server/conversations/conversations.types";
import { cn } from "~/components/ui";
import { ChannelIcon } from "./channel-icon";
import { callDuration, formatClock, formatDayLabel, groupByDay } from "./format";

export type TThreadMessage = Omit<TInboxMessage, "createdAt" | "readAt"> & {
  createdAt: string | Date;
  readAt: string | Date | null;
  authorName: string | null;
};

interface Props {
  messages: TThreadMessage[];
  customerName: string;
  timeZone: string;
  locale: string;
  now: string;
  me: string;
}

/** A thread's messages grouped by day (in the tenant's time zone), oldest first. */
export function MessageThread({ messages, customerName, timeZone, locale, now, me }: Props) {
  const { t } = useTranslation("inbox");
  const groups = groupByDay(messages, timeZone);
  if (!messages.length) return <p className="py-10 text-center text-slate-600">{t("thread.noMessages")}</p>;
  return (
    <ol className="space-y-6" aria-label={customerName}>
      {groups.map((g) => (
        <li key={g.day}>
          <h3 className="sticky top-0 z-[1] mb-3 flex justify-center">
            <span className="rounded-full bg-slate-100/95 px-3 py-1 text-xs font-medium text-slate-600 ring-1 ring-slate-200 backdrop-blur">
              {formatDayLabel(g.first, { now, timeZone, locale, today: t("time.today"), yesterday: t("time.yesterday") })}
            </span>
          </h3>
          <ol className="space-y-3">
            {g.items.map((m) => (
              <li key={m.id} id={`message-${m.id}`} className="scroll-mt-16">
                <MessageBubble message={m} customerName={customerName} timeZone={timeZone} locale={locale} me={me} />
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}

function MessageBubble({
  message: m,
  customerName,
  timeZone,
  locale,
  me,
}: {
  message: TThreadMessage;
  customerName: string;
  timeZone: string;
  locale: string;
  me: string;
}) {
  const { t } = useTranslation("inbox");
  const clock = formatClock(m.createdAt, timeZone, locale);
  const channel = t(`channels.${m.channel}`);

  if (m.direction === "INTERNAL") {
    const author = m.authorUserId === me ? t("you") : (m.authorName ?? "");
    return (
      <div
        className="mx-auto min-w-0 max-w-[36rem] rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-slate-900"
        data-testid="message-note"
      >
        <p className="mb-1 flex items-center gap-1.5 text-xs font-medium text-amber-900">
          <StickyNote aria-hidden className="size-3.5" /> {t("noteLabel")}
        </p>
        <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{m.body}</p>
        <p className="mt-1 text-xs text-amber-900/80">
          {author ? `${t("noteBy", { name: author })} · ` : ""}
          <time dateTime={new Date(m.createdAt).toISOString()}>{clock}</time>
        </p>
      </div>
    );
  }

  const inbound = m.direction === "INBOUND";
  const blocked = m.status === "BLOCKED";
  const failed = m.status === "FAILED";
  const isCall = m.channel === "CALL" || m.channel === "VOICEMAIL";
  const duration = isCall ? callDuration(m.metadata) : null;
  const who = inbound ? customerName : m.authorUserId === me ? t("you") : (m.authorName ?? t("automated"));

  return (
    <div className={cn("flex", inbound ? "justify-start" : "justify-end")}>
      <div className={cn("flex min-w-0 max-w-[85%] flex-col sm:max-w-[75%]", inbound ? "items-start" : "items-end")}>
        <div
          className={cn(
            "min-w-0 max-w-full rounded-2xl px-4 py-2.5",
            inbound && "rounded-bl-md border border-slate-200 bg-white text-slate-900",
            !inbound && !blocked && !failed && "rounded-br-md bg-brand-600 text-white",
            (blocked || failed) && "rounded-br-md border-2 border-dashed border-red-300 bg-red-50 text-slate-900",
          )}
          data-testid={blocked ? "message-blocked" : undefined}
        >
          <span className="sr-only">
            {t(`direction.${m.direction}`, { name: customerName })}, {channel}:{" "}
          </span>
          {isCall ? (
            <p className={cn("mb-1 flex items-center gap-1.5 text-sm font-medium", inbound ? "text-slate-700" : "")}>
              <ChannelIcon channel={m.channel} className="size-4" /> {channel}
              {duration ? <span className="font-normal text-slate-500">· {t("callDuration", duration)}</span> : null}
            </p>
          ) : null}
          {m.channel === "VOICEMAIL" ? <VoicemailFlags metadata={m.metadata} /> : null}
          {m.subject ? <p className="font-semibold [overflow-wrap:anywhere]">{m.subject}</p> : null}
          {m.body ? (
            <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{m.body}</p>
          ) : isCall ? (
            <p className="text-sm italic text-slate-500">{t("emptyCall")}</p>
          ) : null}
        </div>
        {blocked ? (
          <p className="mt-1 flex items-start gap-1 text-sm font-medium text-red-700">
            <Ban aria-hidden className="mt-0.5 size-4 shrink-0" />
            {t("blocked.title", {
              reason: t(`blocked.${m.blockedReason ?? "unknown"}`, { reason: m.blockedReason ?? "", defaultValue: m.blockedReason ?? "" }),
            })}
          </p>
        ) : null}
        {failed ? (
          <p className="mt-1 flex items-start gap-1 text-sm font-medium text-red-700">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            {t("failed")}
          </p>
        ) : null}
        <p className="mt-1 flex items-center gap-1 px-1 text-xs text-slate-500">
          {!isCall ? <ChannelIcon channel={m.channel} className="size-3.5" /> : null}
          {!inbound && !m.authorUserId ? <Bot aria-hidden className="size-3.5" /> : null}
          <span>{!inbound ? `${who} · ` : ""}</span>
          <time dateTime={new Date(m.createdAt).toISOString()}>{clock}</time>
          {!inbound && !blocked && !failed ? <span>· {t(`status.${m.status}`)}</span> : null}
        </p>
      </div>
    </div>
  );
}

/** What the voicemail summary found: urgent, wants a call back (or that it is still being transcribed). */
function VoicemailFlags({ metadata }: { metadata: Record<string, unknown> | null }) {
  const { t } = useTranslation("inbox");
  const summary = (metadata?.summary ?? null) as { urgency?: string; callbackRequested?: boolean } | null;
  if (!summary) return <p className="mb-1 text-xs italic text-slate-500">{t("voicemail.transcribing")}</p>;
  if (summary.urgency !== "HIGH" && !summary.callbackRequested) return null;
  return (
    <p className="mb-1 flex flex-wrap gap-1.5">
      {summary.urgency === "HIGH" ? (
        <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">{t("voicemail.urgent")}</span>
      ) : null}
      {summary.callbackRequested ? (
        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t("voicemail.callback")}</span>
      ) : null}
    </p>
  );
}
