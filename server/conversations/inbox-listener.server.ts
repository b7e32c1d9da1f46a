import pg from "pg";
import { logger } from "../observability/logger.server";
import { INBOX_CHANNEL, inboxBus, parseInboxNotification } from "./inbox-events.server";

/**
 * With several instances on a PostgreSQL server, each one listens for the inbox changes
 * committed by the others and republishes them on its own bus (the SSE streams read that
 * bus). After a lost connection every subscriber gets a "resync" signal, since
 * notifications sent while disconnected are gone. Start it at boot when DATABASE_URL is
 * set (the embedded database is one process: the afterCommit path is enough there).
 */
export async function startInboxListener(databaseUrl: string): Promise<{ stop(): Promise<void> }> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let lostConnection = false;

  const reconnectSoon = (delay: number) => {
    if (!stopped) retry = setTimeout(connect, delay);
  };
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl });
    let failed = false;
    // One retry per client, whichever of the error event and the failed connect comes first.
    const fail = (message: string, delay: number) => {
      if (failed) return;
      failed = true;
      logger.warn({ err: message }, "inbox listener lost its connection; reconnecting");
      lostConnection = true;
      if (client === c) client = undefined;
      c.end().catch(() => {});
      reconnectSoon(delay);
    };
    c.on("error", (error) => fail(error.message, 1_000));
    c.on("notification", (msg) => {
      if (msg.channel !== INBOX_CHANNEL) return;
      const event = parseInboxNotification(msg.payload);
      if (event) inboxBus().publish(event);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${INBOX_CHANNEL}`);
      client = c;
      if (lostConnection) {
        lostConnection = false;
        inboxBus().resync();
      }
    } catch (error) {
      fail((error as Error).message, 2_000);
    }
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
