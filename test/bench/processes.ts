import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

/** A child process serving HTTP on 127.0.0.1, started and awaited, then stopped. */
export type Served = { url: string; stop: () => Promise<void>; child: ChildProcess };

export async function serve(command: string[], env: Record<string, string>, url: string, readyPath = "/"): Promise<Served> {
  const child = spawn(process.execPath, command, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url + readyPath, { redirect: "manual" });
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
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

/** Runs a node script to completion; rejects with its output when it fails. */
export async function runNode(command: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, command, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${command.join(" ")} exited with ${code}:\n${stderr}\n${stdout}`);
  return stdout;
}
