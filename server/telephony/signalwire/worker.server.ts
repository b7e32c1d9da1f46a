import { logger } from "../../observability/logger.server";
import { receiveInboundSms } from "../inbound-sms.server";
import { driveRelayCall, type CallFlow, type RelayCallLike } from "./voice-driver.server";

/**
 * The telephony worker: listens on the Relay topic the business numbers deliver to, and
 *  - stores every inbound text (stored first; the inbound-SMS function answers it);
 *  - runs every inbound call through the carrier-independent call flow.
 * Started by the production start command only when SignalWire keys are set. Each
 * handler catches its own errors: one bad event never stops the worker.
 */
export interface RelayInboundMessage {
  id: string;
  from: string;
  to: string;
  body: string;
  media?: string[];
}

export interface RelayClientLike {
  messaging: {
    listen(options: { topics: string[]; onMessageReceived: (message: RelayInboundMessage) => unknown }): Promise<() => Promise<void>>;
  };
  voice: { listen(options: { topics: string[]; onCallReceived: (call: RelayCallLike) => unknown }): Promise<() => Promise<void>> };
}

export interface TelephonyWorker {
  stop(): Promise<void>;
  /** Calls being handled right now (awaited on stop). */
  active(): number;
}

export async function startTelephonyWorker(client: RelayClientLike, options: { topic: string; flow: CallFlow }): Promise<TelephonyWorker> {
  const running = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    running.add(work);
    void work.finally(() => running.delete(work));
    return work;
  };

  const stopMessaging = await client.messaging.listen({
    topics: [options.topic],
    onMessageReceived: (message) =>
      track(
        receiveInboundSms({
          to: message.to,
          from: message.from,
          body: message.body ?? "",
          provider: "signalwire",
          providerMessageId: message.id,
          media: message.media?.filter(Boolean),
        })
          .then((result) => logger.info({ providerMessageId: message.id, status: result.status }, "inbound SMS"))
          .catch((error: Error) => logger.error({ providerMessageId: message.id, err: error.message }, "inbound SMS could not be stored")),
      ),
  });
  const stopVoice = await client.voice.listen({
    topics: [options.topic],
    onCallReceived: (call) =>
      track(
        driveRelayCall(call, options.flow, (msg, extra) => logger.warn({ providerCallId: call.id, ...extra }, msg)).catch((error: Error) =>
          logger.error({ providerCallId: call.id, err: error.message }, "inbound call failed"),
        ),
      ),
  });
  logger.info({ topic: options.topic }, "telephony worker listening");
  return {
    active: () => running.size,
    async stop() {
      await Promise.allSettled([stopMessaging(), stopVoice()]);
      await Promise.allSettled([...running]);
    },
  };
}
