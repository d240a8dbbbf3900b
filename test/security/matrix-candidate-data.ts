/** Authorisation matrix entries for the candidate-data routes; all-routes.ts merges them with MATRIX. */
import type { MatrixEntry } from "./matrix";

export const CANDIDATE_DATA_MATRIX: Record<string, MatrixEntry> = {};
