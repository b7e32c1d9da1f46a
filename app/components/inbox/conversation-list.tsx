import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TConversationSummary, TInboxFilter } from "#server/conversations/conversations.types";
import type { TMessageHit } from "#server/conversations/search-messages.server";
import { cn, focusRing } from "~/components/ui";
import { ChannelIcon } from "./channel-icon";
import { CustomerAvatar } from "./customer-avatar";
import { badgeCount, formatListTime } from "./format";

type Summary = Omit<TConversationSummary, "lastMessageAt"> & { lastMessageAt: string | Date };
type Hit = Omit<TMessageHit, "createdAt"> & { createdAt: string | Date };

interface TimeContext {
  now: string;
  timeZone: string;
  locale: string;
}

/** The filter pills (links, so they work without JavaScript and keep the search). */
export function InboxFilters({ active, q }: { active: TInboxFilter; q: string }) {
  const { t } = useTranslation("inbox");
  const filters: TInboxFilter[] = ["all", "unread", "mine", "unassigned"];
  return (
    <nav aria-label={t("filters.label")} className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1">
      {filters.map((f) => {
        const params = new URLSearchParams();
        if (f !== "all") params.set("filter", f);
        if (q) params.set("q", q);
        const isActive = f === active;
        return (
          <Link
            key={f}
            to={`/dashboard/inbox${params.size ? `?${params}` : ""}`}
            aria-current={isActive ? "page" : undefined}
            className={cn(
              "inline-flex min-h-9 shrink-0 items-center rounded-full px-3 text-sm font-medium ring-1 ring-inset transition-colors",
              isActive ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
              focusRing,
            )}
          >
            {t(`filters.${f}`)}
          </Link>
        );
      })}
    </nav>
  );
}

/** One thread in the list: who, when, on which channel, the last message, unread count. */
export function ConversationRow({
  conversation: c,
  active,
  me,
  time,
  members,
}: {
  conversation: Summary;
  active: boolean;
  me: string;
  time: TimeContext;
  members: Record<string, string>;
}) {
  const { t } = useTranslation("inbox");
  const { search } = useLocation();
  const unread = c.unreadCount > 0;
  const when = formatListTime(c.lastMessageAt, { ...time, yesterday: t("time.yesterday") });
  const assignee = c.assignedUserId ? (c.assignedUserId === me ? t("you") : members[c.assignedUserId]) : null;
  return (
    <Link
      to={`/dashboard/inbox/${c.id}${search}`}
      prefetch="none"
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex gap-3 px-3 py-3 transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500",
        active ? "bg-brand-50" : "hover:bg-slate-50",
      )}
      data-testid="conversation-row"
    >
      <CustomerAvatar id={c.customer.id} name={c.customer.name} />
      <span className="min-w-0 flex-1">
        <span className="flex items-baseline gap-2">
          <span className={cn("min-w-0 flex-1 truncate", unread ? "font-semibold text-slate-900" : "font-medium text-slate-800")}>
            {c.customer.name}
          </span>
          <time
            dateTime={new Date(c.lastMessageAt).toISOString()}
            className={cn("shrink-0 text-xs", unread ? "font-semibold text-brand-700" : "text-slate-500")}
          >
            {when}
          </time>
        </span>
        <span className="mt-0.5 flex items-center gap-1.5 text-sm">
          {c.lastChannel ? (
            <>
              <ChannelIcon channel={c.lastChannel} className="size-4 shrink-0 text-slate-500" />
              <span className="sr-only">{t(`channels.${c.lastChannel}`)}:</span>
            </>
          ) : null}
          <span className={cn("min-w-0 flex-1 truncate", unread ? "text-slate-900" : "text-slate-600")}>
            {c.lastDirection === "OUTBOUND" ? <span className="text-slate-500">{t("you")}: </span> : null}
            {c.lastMessagePreview || (c.lastChannel ? t(`channels.${c.lastChannel}`) : "")}
          </span>
          {unread ? (
            <span className="flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white">
              <span aria-hidden>{badgeCount(c.unreadCount)}</span>
              <span className="sr-only">{t("unreadBadge", { count: c.unreadCount })}</span>
            </span>
          ) : null}
        </span>
        {assignee ? <span className="mt-0.5 block truncate text-xs text-slate-500">{t("assignedTo", { name: assignee })}</span> : null}
      </span>
    </Link>
  );
}

/** Messages matching the search, each linking to its thread. */
export function MessageHits({ hits, time }: { hits: Hit[]; time: TimeContext }) {
  const { t } = useTranslation("inbox");
  const { search } = useLocation();
  if (!hits.length) return <p className="px-3 py-4 text-sm text-slate-600">{t("search.noMessages")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {hits.map((h) => (
        <li key={h.messageId}>
          <Link
            to={`/dashboard/inbox/${h.conversationId}${search}#message-${h.messageId}`}
            prefetch="none"
            className="block px-3 py-3 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500"
          >
            <span className="flex items-baseline gap-2">
              <ChannelIcon channel={h.channel} className="size-4 shrink-0 self-center text-slate-500" />
              <span className="min-w-0 flex-1 truncate text-sm font-medium">{h.customer.name}</span>
              <time className="shrink-0 text-xs text-slate-500">
                {formatListTime(h.createdAt, { ...time, yesterday: t("time.yesterday") })}
              </time>
            </span>
            <span className="mt-1 line-clamp-2 block text-sm text-slate-600">{h.snippet}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
