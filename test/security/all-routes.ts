/** Every route's authorisation matrix entry: the core MATRIX and the data-protection routes' files. */
import { ACCOUNTS_MATRIX } from "./matrix-accounts";
import { AUDIT_MATRIX } from "./matrix-audit";
import { CANDIDATE_DATA_MATRIX } from "./matrix-candidate-data";
import { MATRIX, type MatrixEntry } from "./matrix";
import { NOTIFICATIONS_MATRIX } from "./matrix-notifications";
import { INTERVIEW_CHANGES_MATRIX } from "./matrix-interview-changes";
import { PIPELINE_MATRIX } from "./matrix-pipeline";
import { RETENTION_MATRIX } from "./matrix-retention";

export const ALL_MATRIX: Record<string, MatrixEntry> = { ...MATRIX, ...AUDIT_MATRIX, ...CANDIDATE_DATA_MATRIX, ...RETENTION_MATRIX, ...NOTIFICATIONS_MATRIX, ...ACCOUNTS_MATRIX, ...PIPELINE_MATRIX, ...INTERVIEW_CHANGES_MATRIX };
