// A TCP proxy to put in front of PostgreSQL, so a test can cut the database away from a real
// process: reset() drops every connection and refuses new ones with a reset; stall() keeps every
// connection open and accepts new ones but forwards nothing (a database that hangs, or a network
// that drops packets); heal() lets everything through again, stalled bytes included.
import { connect, createServer, type AddressInfo, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  /** Resets every open connection and every new one until heal(). */
  reset(): void;
  /** Forwards nothing on open connections and new ones until heal(); nobody is told. */
  stall(): void;
  heal(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream?: Socket;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const pairs = new Set<Pair>();
  let mode: "open" | "reset" | "stall" = "open";
  const kill = (s: Socket) => (typeof s.resetAndDestroy === "function" ? s.resetAndDestroy() : s.destroy());
  const track = (s: Socket) => {
    open.add(s);
    s.on("close", () => open.delete(s));
  };

  function forward(pair: Pair): void {
    const { client } = pair;
    if (!pair.upstream) {
      const upstream = connect(target.port, target.host);
      pair.upstream = upstream;
      track(upstream);
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => {
        client.destroy();
        pairs.delete(pair);
      });
    }
    client.pipe(pair.upstream).pipe(client);
    client.resume();
    pair.upstream.resume();
  }

  function hold(pair: Pair): void {
    pair.client.unpipe();
    pair.upstream?.unpipe();
    pair.client.pause();
    pair.upstream?.pause();
  }

  const server = createServer((client) => {
    client.on("error", () => {});
    if (mode === "reset") return kill(client);
    track(client);
    const pair: Pair = { client };
    pairs.add(pair);
    client.on("close", () => pairs.delete(pair));
    if (mode === "stall") return void client.pause();
    forward(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    reset() {
      mode = "reset";
      for (const s of open) kill(s);
    },
    stall() {
      mode = "stall";
      for (const pair of pairs) hold(pair);
    },
    heal() {
      const was = mode;
      mode = "open";
      if (was === "stall") for (const pair of pairs) forward(pair);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
