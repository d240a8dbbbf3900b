import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestSmtp = {
  port: number;
  received: Array<{ envelopeTo: string[]; mail: ParsedMail }>;
  /** While true, every message is refused with a temporary error (451). */
  failing: boolean;
  /** Messages whose data has arrived that the server has not yet taken or refused. */
  taking: number;
  close: () => Promise<void>;
};

export type TestSmtpPace = {
  /** Milliseconds to wait before answering the greeting, MAIL FROM and RCPT TO (a slow server). */
  stepDelayMs?: number;
  /** Milliseconds to wait, after a message's data arrived, before taking it (250). */
  acceptDelayMs?: () => number;
  /** Called as the server takes a message: it is in `received` and the 250 goes out right after. */
  onAccept?: (mail: ParsedMail) => void;
};

/** A real SMTP server on 127.0.0.1 (any free port) that parses and keeps what it receives. */
export async function startTestSmtp(pace: TestSmtpPace = {}): Promise<TestSmtp> {
  const state: TestSmtp = { port: 0, received: [], failing: false, taking: 0, close: async () => undefined };
  const step = (callback: () => void) => (pace.stepDelayMs ? setTimeout(callback, pace.stepDelayMs) : callback());
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onConnect: (_session, callback) => step(() => callback()),
    onMailFrom: (_address, _session, callback) => step(() => callback()),
    onRcptTo: (_address, _session, callback) => step(() => callback()),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        state.taking++;
        const answer = (error?: Error) => {
          state.taking--;
          callback(error);
        };
        if (state.failing) {
          answer(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            const take = () => {
              state.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
              pace.onAccept?.(mail);
              answer();
            };
            if (pace.acceptDelayMs) setTimeout(take, pace.acceptDelayMs());
            else take();
          },
          (error: Error) => answer(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
