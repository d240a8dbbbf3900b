// Starts, kills (-9) and stops the production server the way `npm start` serves it, on a database file of the trial's own.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export const SESSION_SECRET = "durability-session-secret-0123456789abcdef";

export type Server = { base: string; child: ChildProcess; exited: Promise<string>; log: () => string };

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `node --import tsx server.ts` with NODE_ENV=production, as `npm start` runs it after its build:
 * it migrates the file, seeds the demo organisation into an empty one, and serves build/.
 * Resolves once /login answers 200.
 */
export async function startServer(databaseFile: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      SEED_DEMO: "true",
      DATABASE_URL: `file:${databaseFile}`,
      SESSION_SECRET,
      HOST: "127.0.0.1",
      PORT: String(port),
      TRUST_PROXY: "false",
      // A demo deployment (it seeds), and no request log: the output kept for errors stays readable.
      DEPLOYMENT: "demo",
      LOG_REQUESTS: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? `exit ${code}`)));
  const server: Server = { base: `http://127.0.0.1:${port}`, child, exited, log: () => output };

  let gone: string | null = null;
  void exited.then((how) => (gone = how));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The server stopped while starting (${gone}):\n${output}`);
    try {
      const answer = await fetch(`${server.base}/login`, { signal: AbortSignal.timeout(2000) });
      await answer.arrayBuffer();
      if (answer.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`The server did not answer /login within 60 s:\n${output}`);
}

/** kill -9: no shutdown code runs, nothing is flushed or closed. */
export async function killHard(server: Server): Promise<void> {
  server.child.kill("SIGKILL");
  await server.exited;
}

/** A graceful stop (SIGTERM), forced after 10 s. */
export async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 10_000);
  await server.exited;
  clearTimeout(timer);
}
