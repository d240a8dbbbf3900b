import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** A child process serving HTTP on 127.0.0.1, started and awaited, then stopped. */
export type Served = { url: string; stop: () => Promise<void>; child: ChildProcess; output: () => string };

export async function serve(command: string[], env: Record<string, string>, url: string, readyPath = "/"): Promise<Served> {
  const child = spawn(process.execPath, command, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url + readyPath, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${command.join(" ")} did not answer on ${url} within 120 s:\n${output}`);
    await sleep(200);
  }
  return {
    url,
    child,
    // What the server printed (its last 4,000 characters): for a run that failed.
    output: () => output.slice(-4000),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      // A server that does not close within 10 s (a request still open) is killed.
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a node script to completion; rejects with its output when it fails or is still running after `timeoutMs`. */
export async function runNode(command: string[], env: Record<string, string> = {}, timeoutMs = 600_000): Promise<string> {
  const child = spawn(process.execPath, command, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${command.join(" ")} exited with ${code ?? `a kill after ${timeoutMs / 1000} s`}:\n${stderr}\n${stdout}`);
  return stdout;
}

/** The most memory a running child has held (its peak resident set, VmHWM), in bytes; null where /proc is not there. */
export function peakMemory(child: ChildProcess): number | null {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}
