import { z } from "zod";

/**
 * Erasing a candidate on request (or by retention): the row and everything other features count
 * stay (loops, interviews, ratings, recommendations, red-flag ids, decision outcomes and levels,
 * dates, interviewers), so rater statistics and the committee's figures do not move; everything a
 * person typed about the candidate, and the candidate's own details, are replaced.
 */

export const ERASED_NAME = "Erased candidate";
/** What replaces free text that held something; empty text stays empty. */
export const ERASED_TEXT = "(erased)";

/**
 * A short reference taken from the record's id (already in every address of the app, so it tells
 * nothing about the person): keeps lists of erased candidates readable and tells them apart.
 */
export function erasedReference(candidateId: string): string {
  const tail = candidateId
    .replace(/[^a-z0-9]/gi, "")
    .slice(-6)
    .toUpperCase();
  return tail || "000000";
}

/** The candidate's own fields after erasure. The email is no address (no "@"), and holds the id, so it cannot collide. */
export function erasedCandidateFields(candidateId: string) {
  return {
    name: `${ERASED_NAME} ${erasedReference(candidateId)}`,
    email: `erased-${candidateId}.invalid`,
    links: "",
    notes: "",
    dataOriginDetail: "",
    // Why they were rejected, withdrew or are on hold: typed about them. The status itself stays.
    statusReason: "",
  };
}

export type ErasureFacts = {
  erasedAt: Date | null;
  /** A builder record was created from a hire decision on one of their loops (onboarding). */
  becameBuilder: boolean;
};

/** Why this candidate may not be erased, or null when they may. */
export function erasureRefusal(candidate: ErasureFacts): string | null {
  if (candidate.erasedAt) return "This candidate has already been erased.";
  if (candidate.becameBuilder) {
    return "This candidate was hired and became a builder: their loop and hire decision are part of their builder record (level history) and are kept. Handle the request as a builder's data request instead.";
  }
  return null;
}

/** Editing an erased candidate or starting a loop for them would bring personal data back. */
export function changeRefusalForErased(candidate: { erasedAt: Date | string | null }): string | null {
  return candidate.erasedAt ? "This candidate was erased: their record can no longer be changed and no new loop can start for them." : null;
}

/** Free text a person typed: replaced when it held something. */
export function erasedText(text: string): string;
export function erasedText(text: string | null): string | null;
export function erasedText(text: string | null): string | null {
  if (text === null) return null;
  return text.trim() === "" ? text : ERASED_TEXT;
}

// Keys whose strings are ids or values of the pinned rubric, not typed text (the scorecard form
// refuses anything the rubric does not define, so stored ones are always of this shape).
const ID_KEYS = new Set(["criterionId", "signalId", "flagId", "competencyId", "recommendation"]);
const ID_SHAPE = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * Scorecard content (a draft or a revision, see scorecard/content.ts) with every typed string
 * replaced: numbers (ratings), booleans (observed, raised), null and rubric ids stay as they are.
 * Works on any JSON, so a partial or older draft is erased just as well.
 */
export function erasedContent(value: unknown, key?: string): unknown {
  if (typeof value === "string") return key !== undefined && ID_KEYS.has(key) && ID_SHAPE.test(value) ? value : erasedText(value);
  if (Array.isArray(value)) return value.map((item) => erasedContent(item));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, erasedContent(v, k)]));
  }
  return value;
}

/** Stored scorecard JSON, erased; text that does not parse is dropped whole (an empty draft). */
export function erasedContentJson(json: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return "{}";
  }
  return JSON.stringify(erasedContent(parsed));
}

/** A hiring decision's free text, erased; outcome, level, pay and overrides stay. */
export function erasedDecisionText(decision: { rationale: string; bandJustification: string | null; overrideJustification: string | null }) {
  return {
    rationale: erasedText(decision.rationale),
    bandJustification: erasedText(decision.bandJustification),
    overrideJustification: erasedText(decision.overrideJustification),
  };
}

export const ERASURE_REASON_MAX = 500;
export const ERASE_WORD = "ERASE";

/**
 * The erase form, shared by the page (react-hook-form) and its action. The reason goes into the
 * audit trail, which erasure keeps: the form asks for no personal data in it.
 */
export function erasureFormSchema(candidateName: string) {
  const name = candidateName.trim().normalize("NFC");
  return z.object({
    reason: z
      .string({ error: "Write why the candidate is erased" })
      .trim()
      .min(1, "Write why the candidate is erased")
      .max(ERASURE_REASON_MAX, `Keep the reason to ${ERASURE_REASON_MAX} characters or fewer`),
    confirmation: z
      .string({ error: `Type the candidate's name or ${ERASE_WORD} to confirm` })
      .trim()
      .refine((typed) => typed === ERASE_WORD || (name !== "" && typed.normalize("NFC") === name), {
        error: `Type the candidate's name or ${ERASE_WORD} to confirm`,
      }),
  });
}

export type ErasureFormInput = z.input<ReturnType<typeof erasureFormSchema>>;
