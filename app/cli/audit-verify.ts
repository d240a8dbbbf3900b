/**
 * npm run audit:verify: walks the audit trail from its first entry and checks every link of the
 * hash chain. Prints the number of entries and the head (note it elsewhere: a later run showing
 * fewer entries or another hash at that position means the newest entries were removed). Exit
 * status 0 when the chain holds, 1 with the first broken entry when it does not, 2 when it could
 * not be read.
 */
import { loadEnvFile } from "~/utils/env-file";
import { describeFailure } from "./failure";

try {
  loadEnvFile();
  // Imported after the .env file is read: the client opens the database that DATABASE_URL names.
  const { verifyAuditTrail } = await import("~/data/audit.server");
  const result = await verifyAuditTrail();
  if (result.broken) {
    console.error(`Audit trail BROKEN at entry ${result.broken.seq}: ${result.broken.problem}. ${result.entries} entries before it verify.`);
    process.exit(1);
  }
  console.log(
    result.head
      ? `Audit trail verified: ${result.entries} entries, head ${result.head.seq} ${result.head.hash}.`
      : "Audit trail verified: no entries yet.",
  );
  process.exit(0);
} catch (error) {
  console.error(describeFailure("Audit verification failed", error));
  process.exit(2);
}
