/**
 * The app's email delivery in a process of its own, for test/integration/delivery-kill.test.ts: the
 * configuration is read from the environment as the server reads it (DATABASE_URL, SMTP_HOST,
 * SMTP_PORT, DELIVERY_EVERY_SECONDS), and the delivery schedule the server starts is ticked until no
 * message is pending, then what it did is printed as JSON. The test kills one of these with SIGKILL.
 *
 * CLOCK_AHEAD_MS (default 0) runs this process's clock that far ahead: a worker started "after the
 * claims of a dead one ran out" without waiting five real minutes.
 */
import { prisma } from "~/data/db.server";
import { startDeliverySchedule, type DeliveryTick } from "~/server/delivery";
import { getConfig } from "~/utils/env.server";

const aheadMs = Number(process.env.CLOCK_AHEAD_MS ?? 0);
const now = () => new Date(Date.now() + aheadMs);
const schedule = startDeliverySchedule(getConfig(), { info: () => undefined, error: (line) => console.error(line) });
if (!schedule) throw new Error("DELIVERY_EVERY_SECONDS is 0: no delivery to run");

const ticks: DeliveryTick[] = [];
while ((await prisma.outboxMessage.count({ where: { status: "pending" } })) > 0) {
  if (ticks.length >= 20) throw new Error(`still pending after 20 runs: ${ticks.join(", ")}`);
  ticks.push(await schedule.tick(now()));
}
await schedule.stop();
console.log(JSON.stringify({ ticks }));
process.exit(0);
