import { inboxBus, type TInboxSignal } from "./inbox-events.server";

/**
 * A Server-Sent Events response carrying one tenant's inbox events from the bus:
 * `event: inbox` with the event as JSON, a comment every `heartbeatMs` (25 s) so proxies
 * keep the connection open, and cleanup (unsubscribe, timer) when the client goes away
 * (`signal` aborts) or the stream is cancelled.
 */
export function inboxEventStream(options: { tenantId: string; signal: AbortSignal; heartbeatMs?: number; retryMs?: number }): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  let sequence = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const send = (event: TInboxSignal) => write(`id: ${++sequence}\nevent: inbox\ndata: ${JSON.stringify(event)}\n\n`);
      const unsubscribe = inboxBus().subscribe(options.tenantId, send);
      const heartbeat = setInterval(() => write(`: heartbeat ${new Date().toISOString()}\n\n`), options.heartbeatMs ?? 25_000);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        options.signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      if (options.signal.aborted) return cleanup();
      options.signal.addEventListener("abort", cleanup, { once: true });
      write(`retry: ${options.retryMs ?? 5_000}\n: connected\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // nginx and similar proxies: do not buffer the stream.
      "X-Accel-Buffering": "no",
    },
  });
}
