/** Authorisation matrix entries for the retention routes; all-routes.ts merges them with MATRIX. */
import type { MatrixEntry } from "./matrix";

export const RETENTION_MATRIX: Record<string, MatrixEntry> = {};
