import { auditExportLoader } from "~/utils/audit-log.server";

// The audit trail as CSV, with the page's filters (utils/audit-log.server.ts); the export is itself recorded.
export const loader = auditExportLoader("csv");
