import { spawn, type ChildProcess } from "node:child_process";

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  exit: Promise<number | null>;
  /** Resolves once the output contains the text. */
  waitFor(text: string, deadlineMs?: number): Promise<void>;
}

/**
 * One of the project's processes as npm runs it (`scripts/start.mjs`, then the arguments), in a
 * process of its own. With `discardLogs` its standard output goes to /dev/null, as a busy server's
 * logs would go to a file, rather than pile up here.
 */
export function startProcess(args: string[], env: Record<string, string>, options: { discardLogs?: boolean } = {}): RunningProcess {
  const stdout = options.discardLogs ? "ignore" : "pipe";
  const child = spawn(process.execPath, ["scripts/start.mjs", ...args], { env: { ...process.env, LOG_LEVEL: "info", ...env }, stdio: ["ignore", stdout, "pipe"] });
  let text = "";
  child.stdout?.on("data", (d) => (text += d));
  child.stderr!.on("data", (d) => (text += d));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exit,
    async waitFor(wanted, deadlineMs = 30_000) {
      const until = Date.now() + deadlineMs;
      while (!text.includes(wanted)) {
        if (child.exitCode !== null) throw new Error(`the process exited ${child.exitCode} before saying ${wanted}:\n${text}`);
        if (Date.now() > until) throw new Error(`the process did not say ${wanted} in time:\n${text}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}
