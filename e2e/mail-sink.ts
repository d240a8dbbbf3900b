/**
 * A real SMTP server for the end-to-end run: the app delivers its email here (SMTP_HOST/PORT in
 * playwright.config.ts) and each accepted message is written whole to <folder>/<n>.eml, where
 * specs read and parse it as a mail client would.
 */
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export function startMailSink(port: number, folder: string): Promise<SMTPServer> {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        count += 1;
        // Written before the 250 reply: a message the app counts as sent is always on disk.
        fs.writeFileSync(path.join(folder, `${String(count).padStart(5, "0")}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
