/** Authorisation matrix entries for the audit routes; all-routes.ts merges them with MATRIX. */
import type { MatrixEntry } from "./matrix";

export const AUDIT_MATRIX: Record<string, MatrixEntry> = {};
