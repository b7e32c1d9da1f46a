import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { action, loader } from "../../app/routes/api.trpc.$trpc";

/**
 * The app's tRPC route (app/routes/api.trpc.$trpc.ts: the fetch adapter, the real context)
 * behind a bare node:http server on 127.0.0.1, port 0. No Remix or Express in front: the
 * figures are the API's, not the page server's.
 */
export interface LoopbackServer {
  origin: string;
  close: () => Promise<void>;
}

export async function startLoopbackTrpcServer(): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(key, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    }
    // What the HTTP tier sets from the socket (server/http/app.server.ts).
    headers.set("x-sp-client-ip", req.socket.remoteAddress ?? "unknown");
    const method = req.method ?? "GET";
    const request = new Request(new URL(req.url ?? "/", origin), {
      method,
      headers,
      body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
    });
    const args = { request, params: {}, context: {} };
    const response = await (method === "GET" ? loader(args) : action(args));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
