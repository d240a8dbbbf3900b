import { committeeExportLoader } from "~/utils/committee-export.server";

// The hiring committee's loops export as CSV, with the committee list's filters (utils/committee-export.server.ts).
export const loader = committeeExportLoader("loops", "csv");
