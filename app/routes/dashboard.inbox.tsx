import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData, useParams, useRevalidator } from "@remix-run/react";
import { Inbox, Search, X } from "lucide-react";
import { useTranslation } from "react-i18next";
import { INBOX_FILTERS, INBOX_TEXT_LIMITS, type TInboxFilter } from "#server/conversations/conversations.types";
import { ConversationRow, InboxFilters, MessageHits } from "~/components/inbox/conversation-list";
import { useInboxEvents, useLiveStatus, useSettledCallback } from "~/components/inbox/live-events";
import { Badge, Button, cn, EmptyState, Input } from "~/components/ui";
import { requireMember } from "~/lib/dashboard.server";
import { searchTerm } from "#server/validation/clean-text";

export const meta: MetaFunction = () => [{ title: "Inbox · ServicePro" }];

/** The conversation list (and, on wide screens, the open thread beside it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller, current, user, locale } = await requireMember(request);
  const url = new URL(request.url);
  const rawFilter = url.searchParams.get("filter");
  const filter: TInboxFilter = INBOX_FILTERS.includes(rawFilter as TInboxFilter) ? (rawFilter as TInboxFilter) : "all";
  const q = searchTerm(url.searchParams.get("q"), INBOX_TEXT_LIMITS.search);
  // A cursor is ours (base64url); anything else starts from the first page.
  const rawCursor = url.searchParams.get("cursor") ?? "";
  const cursor = /^[\w-]{1,200}$/.test(rawCursor) ? rawCursor : undefined;
  // Opening a thread reads it. Marked here, before the list is read, so the list never
  // shows the open thread as unread (the thread's own loader runs in parallel).
  if (params.conversationId) await caller.inbox.markRead({ conversationId: params.conversationId }).catch(() => null);
  const [page, hits] = await Promise.all([
    caller.inbox.list({ filter, q: q || undefined, cursor, limit: 30 }).catch(async (error: unknown) => {
      if (!cursor) throw error;
      return caller.inbox.list({ filter, q: q || undefined, limit: 30 });
    }),
    q ? caller.inbox.search({ q, limit: 20 }) : Promise.resolve([]),
  ]);
  return {
    ...page,
    hits,
    filter,
    q,
    paged: Boolean(cursor),
    locale,
    tenantId: current.tenantId,
    me: user.id,
    now: new Date().toISOString(),
  };
}

export default function InboxLayout() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("inbox");
  const { conversationId } = useParams();
  const revalidator = useRevalidator();
  const live = useLiveStatus();
  const refresh = useSettledCallback(() => revalidator.revalidate());
  useInboxEvents(d.tenantId, refresh);

  const time = { now: d.now, timeZone: d.timeZone, locale: d.locale };
  const nothingAtAll = d.conversations.length === 0 && d.filter === "all" && !d.q && !d.paged;

  return (
    // minmax(0, …) tracks and min-w-0 sections: a long preview or an unbroken word never widens the page past the screen.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:h-[calc(100dvh-8.5rem)] lg:grid-cols-[minmax(18rem,22rem)_minmax(0,1fr)]">
      <section aria-labelledby="inbox-title" className={cn("flex min-h-0 min-w-0 flex-col gap-3", conversationId && "hidden lg:flex")}>
        <header className="flex items-center gap-3">
          <h1 id="inbox-title" className="text-2xl font-semibold tracking-tight text-slate-900">
            {t("title")}
          </h1>
          {d.unread.messages > 0 ? <Badge variant="brand">{t("unreadSummary", { count: d.unread.messages })}</Badge> : null}
          <span className="ml-auto flex items-center gap-1.5 text-xs text-slate-500" aria-live="polite">
            <span aria-hidden className={cn("size-2 rounded-full", live === "open" ? "bg-emerald-500" : "bg-slate-300")} />
            {live === "open" ? t("live.connected") : live === "connecting" ? t("live.offline") : null}
          </span>
        </header>

        <Form noValidate method="get" role="search" className="relative">
          {d.filter !== "all" ? <input type="hidden" name="filter" value={d.filter} /> : null}
          {/* Pinned to the input's height, not the form's: the character counter may grow the form. */}
          <Search aria-hidden className="pointer-events-none absolute left-3 top-3.5 size-4 text-slate-500 sm:top-3" />
          <Input
            type="search"
            name="q"
            defaultValue={d.q}
            key={d.q}
            placeholder={t("search.placeholder")}
            aria-label={t("search.label")}
            className="pl-9 pr-10"
            maxLength={INBOX_TEXT_LIMITS.search}
            enterKeyHint="search"
          />
          {d.q ? (
            <Link
              to={d.filter === "all" ? "/dashboard/inbox" : `/dashboard/inbox?filter=${d.filter}`}
              aria-label={t("search.clear")}
              className="absolute right-1 top-1 flex size-9 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 sm:top-0.5"
            >
              <X aria-hidden className="size-4" />
            </Link>
          ) : null}
        </Form>

        <InboxFilters active={d.filter} q={d.q} />

        <div className="min-h-0 flex-1 overflow-hidden rounded-2xl border border-slate-200 bg-white lg:overflow-y-auto">
          {nothingAtAll ? (
            <EmptyState icon={<Inbox />} title={t("empty.title")} description={t("empty.body")} className="border-0" />
          ) : (
            <>
              {d.q ? (
                <h2 className="border-b border-slate-100 px-3 pb-2 pt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {t("search.threads")}
                </h2>
              ) : null}
              {d.conversations.length ? (
                <ul className="divide-y divide-slate-100" data-testid="conversation-list">
                  {d.conversations.map((c) => (
                    <li key={c.id}>
                      <ConversationRow conversation={c} active={c.id === conversationId} me={d.me} time={time} members={d.members} />
                    </li>
                  ))}
                </ul>
              ) : (
                <div className="px-4 py-8 text-center text-sm text-slate-600">
                  <p>{d.q ? t("search.noResults", { q: d.q }) : t("empty.filtered")}</p>
                  {d.filter !== "all" || d.q ? (
                    <Button asChild variant="link" className="mt-1">
                      <Link to="/dashboard/inbox">{t("empty.showAll")}</Link>
                    </Button>
                  ) : null}
                </div>
              )}
              {d.nextCursor || d.paged ? (
                <div className="flex justify-center gap-2 border-t border-slate-100 p-2">
                  {d.paged ? (
                    <Button asChild variant="ghost" size="sm">
                      <Link
                        to={`?${new URLSearchParams({ ...(d.filter !== "all" ? { filter: d.filter } : {}), ...(d.q ? { q: d.q } : {}) })}`}
                      >
                        {t("newest")}
                      </Link>
                    </Button>
                  ) : null}
                  {d.nextCursor ? (
                    <Button asChild variant="ghost" size="sm">
                      <Link
                        to={`?${new URLSearchParams({ ...(d.filter !== "all" ? { filter: d.filter } : {}), ...(d.q ? { q: d.q } : {}), cursor: d.nextCursor })}`}
                      >
                        {t("loadMore")}
                      </Link>
                    </Button>
                  ) : null}
                </div>
              ) : null}
              {d.q ? (
                <>
                  <h2 className="border-y border-slate-100 bg-slate-50 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                    {t("search.messages")}
                  </h2>
                  <MessageHits hits={d.hits} time={time} />
                </>
              ) : null}
            </>
          )}
        </div>
      </section>
      <Outlet />
    </div>
  );
}
