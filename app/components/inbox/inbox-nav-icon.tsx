import { useRouteLoaderData } from "@remix-run/react";
import { Inbox, type LucideProps } from "lucide-react";
import { forwardRef, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { trpc } from "~/lib/trpc";
import { badgeCount } from "./format";
import { subscribeInboxEvents } from "./live-events";

/**
 * The Inbox icon of the dashboard navigation, with the unread count on it. The count is
 * fetched in the browser (the dashboard layout's loader stays untouched) and refreshed
 * from the live feed; both navigation copies (sidebar and phone menu) share one fetch.
 */
type Listener = (n: number) => void;
const listeners = new Set<Listener>();
let count = 0;
let stopLive: (() => void) | null = null;
let liveTenant: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

function publish(n: number) {
  count = n;
  for (const l of listeners) l(n);
}

function refreshSoon(delay = 300) {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    trpc.inbox.unreadCount
      .query()
      .then((u) => publish(u.messages))
      .catch(() => {});
  }, delay);
}

function watch(tenantId: string, listener: Listener): () => void {
  listeners.add(listener);
  listener(count);
  if (liveTenant !== tenantId) {
    stopLive?.();
    liveTenant = tenantId;
    // Later than the layout's effect that tells the API client which business this is.
    refreshSoon(0);
    stopLive = subscribeInboxEvents(tenantId, () => refreshSoon());
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stopLive?.();
      stopLive = null;
      liveTenant = null;
    }
  };
}

export const InboxNavIcon = forwardRef<SVGSVGElement, LucideProps>(function InboxNavIcon(props, ref) {
  const dashboard = useRouteLoaderData("routes/dashboard") as { current?: { tenantId: string } } | undefined;
  const tenantId = dashboard?.current?.tenantId ?? null;
  const { t } = useTranslation("inbox");
  const [unread, setUnread] = useState(0);
  useEffect(() => (tenantId ? watch(tenantId, setUnread) : undefined), [tenantId]);
  return (
    <span className="relative inline-flex shrink-0">
      <Inbox ref={ref} {...props} />
      {unread > 0 ? (
        <span
          className="absolute -right-2 -top-1.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] font-semibold leading-none text-white ring-2 ring-white"
          data-testid="inbox-unread-badge"
        >
          <span aria-hidden>{badgeCount(unread)}</span>
          <span className="sr-only">{t("navUnread", { count: unread })}</span>
        </span>
      ) : null}
    </span>
  );
});
