// A TCP proxy to put in front of PostgreSQL, so a test can cut the database away from a real
// process: reset() drops every connection and refuses new ones with a reset, heal() lets them through.
import { connect, createServer, type AddressInfo, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** Resets every open connection and every new one until heal(). */
  reset(): void;
  heal(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let down = false;
  const kill = (s: Socket) => (typeof s.resetAndDestroy === "function" ? s.resetAndDestroy() : s.destroy());
  const server = createServer((client) => {
    client.on("error", () => {});
    if (down) return kill(client);
    const upstream = connect(target.port, target.host);
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    open.add(client).add(upstream);
    client.on("close", () => open.delete(client));
    upstream.on("close", () => open.delete(upstream));
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    reset() {
      down = true;
      for (const s of open) kill(s);
    },
    heal() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
