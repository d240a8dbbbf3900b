/**
 * npm run retention: erases the candidates whose retention period has passed (RETENTION_*_MONTHS;
 * app/domain/retention.ts), each with the reason in the audit trail, and records the run itself.
 * `npm run retention -- --dry-run` lists who would be erased and why, and writes nothing.
 * Exit status 0 when done (or nothing is due), 1 when a candidate due was refused, 2 when the run
 * could not be made (bad settings, an unreadable database, an unknown option).
 */
import { calendarDate } from "~/domain/calendar-date";
import { parseConfig } from "~/utils/config";
import { loadEnvFile } from "~/utils/env-file";
import { describeFailure } from "./failure";

const USAGE = "Usage: npm run retention [-- --dry-run]";

try {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== "--dry-run");
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(" ")}. ${USAGE}`);
    process.exit(2);
  }
  const dryRun = args.includes("--dry-run");
  loadEnvFile();
  const { retention: policy } = parseConfig(process.env);
  // Imported after the .env file is read: the client opens the database that DATABASE_URL names.
  const { retentionPlan, runRetention } = await import("~/data/retention.server");
  const { SYSTEM_ACTOR } = await import("~/data/audit.server");
  const now = new Date();
  const periods = `not hired ${policy.notHiredMonths} months, hired but never joined ${policy.hiredNotJoinedMonths}, no decision ${policy.noDecisionMonths}`;

  if (dryRun) {
    const plan = await retentionPlan(policy, now);
    console.log(`Retention dry run at ${now.toISOString()} (${periods}): ${plan.due.length} candidate(s) due for erasure. Nothing was written.`);
    // The names are for the person deciding; the real run prints ids only.
    for (const item of plan.due) console.log(`  ${item.candidateId}  ${item.name}  — ${item.reason} (due ${calendarDate(item.cutoff)})`);
    process.exit(0);
  }

  const run = await runRetention(policy, now, SYSTEM_ACTOR);
  console.log(`Retention run at ${now.toISOString()} (${periods}): erased ${run.erased.length}, refused ${run.refused.length}. Recorded in the audit trail (retention.run).`);
  for (const item of run.erased) console.log(`  erased ${item.candidateId} — ${item.reason}`);
  for (const item of run.refused) console.error(`  refused ${item.candidateId} (${item.refusal}) — ${item.message}`);
  process.exit(run.refused.length > 0 ? 1 : 0);
} catch (error) {
  console.error(describeFailure("Retention failed", error));
  process.exit(2);
}
