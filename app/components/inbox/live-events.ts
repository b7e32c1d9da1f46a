import { useEffect, useRef, useState } from "react";

/**
 * The browser side of the inbox's live feed: ONE EventSource per page (the nav badge and
 * the inbox share it), opened for the business being worked on and closed when nobody
 * listens. A reconnect after a drop announces "resync", since events may have been missed.
 */
export type TLiveEvent =
  | {
      kind: "message.stored" | "message.updated" | "conversation.updated";
      tenantId: string;
      conversationId: string;
      messageId: string | null;
      at: string;
    }
  | { kind: "resync"; at: string };

type Handler = (event: TLiveEvent) => void;
type Status = "connecting" | "open" | "closed";

let source: EventSource | null = null;
let sourceTenant: string | null = null;
const handlers = new Set<Handler>();
const statusListeners = new Set<(s: Status) => void>();
let status: Status = "closed";

function setStatus(next: Status) {
  status = next;
  for (const l of statusListeners) l(next);
}

function open(tenantId: string) {
  source?.close();
  sourceTenant = tenantId;
  let dropped = false;
  const es = new EventSource(`/api/inbox/events?tenantId=${encodeURIComponent(tenantId)}`);
  source = es;
  setStatus("connecting");
  es.addEventListener("open", () => {
    setStatus("open");
    if (dropped) for (const h of [...handlers]) h({ kind: "resync", at: new Date().toISOString() });
    dropped = false;
  });
  es.addEventListener("error", () => {
    dropped = true;
    // CLOSED: the server refused (signed out, not a member); EventSource will not retry.
    setStatus(es.readyState === EventSource.CLOSED ? "closed" : "connecting");
  });
  es.addEventListener("inbox", (e) => {
    let event: TLiveEvent;
    try {
      event = JSON.parse((e as MessageEvent<string>).data) as TLiveEvent;
    } catch {
      return;
    }
    for (const h of [...handlers]) h(event);
  });
}

/** Listens to the live feed of `tenantId`; returns the function that stops listening. */
export function subscribeInboxEvents(tenantId: string, handler: Handler): () => void {
  if (typeof window === "undefined" || typeof EventSource === "undefined") return () => {};
  handlers.add(handler);
  if (!source || sourceTenant !== tenantId) open(tenantId);
  return () => {
    handlers.delete(handler);
    if (handlers.size === 0) {
      source?.close();
      source = null;
      sourceTenant = null;
      setStatus("closed");
    }
  };
}

/** Calls `onEvent` for each live event of the tenant (the latest callback; no resubscribe on re-render). */
export function useInboxEvents(tenantId: string | null | undefined, onEvent: Handler): void {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => {
    if (!tenantId) return;
    return subscribeInboxEvents(tenantId, (e) => latest.current(e));
  }, [tenantId]);
}

/** Whether the live feed is connected (for a small "Live" indicator). */
export function useLiveStatus(): Status {
  const [value, setValue] = useState<Status>(status);
  useEffect(() => {
    setValue(status);
    statusListeners.add(setValue);
    return () => void statusListeners.delete(setValue);
  }, []);
  return value;
}

/**
 * Runs `fn` after events settle (`waitMs`), and not while the tab is hidden: a hidden tab
 * catches up once when it becomes visible again.
 */
export function useSettledCallback(fn: () => void, waitMs = 250): () => void {
  const latest = useRef(fn);
  latest.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingWhileHidden = useRef(false);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible" && pendingWhileHidden.current) {
        pendingWhileHidden.current = false;
        latest.current();
      }
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);
  const ref = useRef(() => {
    if (typeof document !== "undefined" && document.visibilityState === "hidden") {
      pendingWhileHidden.current = true;
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), waitMs);
  });
  return ref.current;
}
