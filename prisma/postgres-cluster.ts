/**
 * A throwaway PostgreSQL cluster for tooling (the tests' PostgreSQL run, writing a migration):
 * Debian's `postgresql` package (initdb, pg_ctl) in a temporary folder, listening on a free port
 * of 127.0.0.1 only, removed by `stop`. Never for data anyone keeps: fsync is off.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type Cluster = { url: string; version: string; stop: () => void };

/** The newest installed PostgreSQL's bin folder, or null. */
export function postgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, "bin") : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster (null when PostgreSQL is not installed); its URL names the `postgres` database. */
export async function startCluster(): Promise<Cluster | null> {
  const bin = postgresBin();
  if (!bin) return null;
  // PostgreSQL refuses to run as root: the cluster then belongs to the `postgres` user.
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "builder-ladder-pg-"));
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  // Run from the cluster's own folder: the postgres user may not enter the project's.
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: ["ignore", "ignore", "inherit"], cwd: dir });
  };
  const data = path.join(dir, "data");
  const port = await freePort();
  const stop = () => {
    try {
      run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
    } catch {
      // Not started: nothing to stop.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C"]);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, version: path.basename(path.dirname(bin)), stop };
}
