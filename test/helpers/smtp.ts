import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestSmtp = {
  port: number;
  received: Array<{ envelopeTo: string[]; mail: ParsedMail }>;
  /** While true, every message is refused with a temporary error (451). */
  failing: boolean;
  close: () => Promise<void>;
};

/** A real SMTP server on 127.0.0.1 (any free port) that parses and keeps what it receives. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = { port: 0, received: [], failing: false, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (state.failing) {
          callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            state.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
