import { committeeExportLoader } from "~/utils/committee-export.server";

// The hiring committee's scorecards export as CSV, with the committee list's filters (utils/committee-export.server.ts).
export const loader = committeeExportLoader("scorecards", "csv");
