/**
 * A delivery worker in a process of its own (test/integration/delivery-processes.test.ts): takes
 * the delivery lease if it can, delivers to SMTP_PORT on 127.0.0.1 as WORKER_ID, and prints what
 * it did as JSON. DATABASE_URL comes from the test.
 */
import { acquireLease } from "~/data/scheduler-lease.server";
import { deliverDue, smtpMailer } from "~/server/delivery";

const workerId = process.env.WORKER_ID!;
const now = new Date(process.env.NOW!);
const useLease = process.env.USE_LEASE === "true";
const leased = useLease ? await acquireLease("delivery", workerId, now, 60_000) : true;
const mailer = smtpMailer({ host: "127.0.0.1", port: Number(process.env.SMTP_PORT), secure: false, auth: null }, "Builder Ladder <ladder@test.example>");
const result = leased ? await deliverDue({ mailer, workerId, now: () => now }) : null;
mailer.close();
console.log(JSON.stringify({ leased, result }));
process.exit(0);
