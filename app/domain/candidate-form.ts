import { z } from "zod";
import { isCalendarDate } from "./calendar-date";
import { CANDIDATE_SOURCES, DATA_ORIGINS, LEGAL_BASES } from "./candidates";
import { LEVELS } from "./levels";

export const CANDIDATE_NAME_MAX = 200;
export const CANDIDATE_NOTES_MAX = 5000;
export const CANDIDATE_LINKS_MAX = 5000;
export const CANDIDATE_ORIGIN_DETAIL_MAX = 200;

/** An optional calendar day (YYYY-MM-DD); empty means none. */
const optionalDay = (message: string) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || isCalendarDate(v), message);

/** Whether `value` is an absolute http(s) address. */
export function isWebAddress(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
}

/** The non-empty lines of a links text, trimmed. */
export function linkLines(links: string): string[] {
  return links
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const links = z
  .string()
  .max(CANDIDATE_LINKS_MAX, `Keep the links under ${CANDIDATE_LINKS_MAX} characters`)
  .superRefine((value, ctx) => {
    value.split(/\r?\n/).forEach((raw, index) => {
      const line = raw.trim();
      if (line !== "" && !isWebAddress(line)) {
        const shown = line.length > 60 ? `${line.slice(0, 57)}…` : line;
        ctx.addIssue({
          code: "custom",
          message: `Line ${index + 1} (“${shown}”) is not a web address: each line needs one link starting with http:// or https://`,
        });
      }
    });
  })
  // Stored one address per line, without blank lines or stray spaces.
  .transform((value) => linkLines(value).join("\n"));

/**
 * The candidate form, shared by the create and edit pages (react-hook-form in the browser)
 * and their actions (parseForm on the server).
 */
export const CandidateFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the candidate’s name")
    .max(CANDIDATE_NAME_MAX, `Keep the name to ${CANDIDATE_NAME_MAX} characters or fewer`),
  email: z
    .string()
    .trim()
    .min(1, "Enter the candidate’s email address")
    .max(320, "That email address is too long")
    .pipe(z.email("Enter a valid email address, like name@example.com")),
  source: z.enum(CANDIDATE_SOURCES, { error: "Choose where the candidate came from" }),
  targetLevel: z.enum(LEVELS, { error: "Choose a target level from L4 to L7" }),
  links: links.optional().default(""),
  notes: z
    .string()
    .max(CANDIDATE_NOTES_MAX, `Keep the notes to ${CANDIDATE_NOTES_MAX} characters or fewer`)
    .transform((value) => value.trim())
    .optional()
    .default(""),
  // Where the data came from and its legal basis. Forms preselect the usual case (an application,
  // held on legitimate interest), so a form sent without them means exactly that.
  dataOrigin: z.enum(DATA_ORIGINS, { error: "Choose where the candidate's data came from" }).optional().default("applied"),
  dataOriginDetail: z
    .string()
    .trim()
    .max(CANDIDATE_ORIGIN_DETAIL_MAX, `Keep it to ${CANDIDATE_ORIGIN_DETAIL_MAX} characters or fewer`)
    .optional()
    .default(""),
  legalBasis: z.enum(LEGAL_BASES, { error: "Choose the legal basis the data is held on" }).optional().default("legitimate_interest"),
  consentGivenOn: optionalDay("Enter the date consent was given, as a date"),
  noticeSentOn: optionalDay("Enter the date the privacy notice was sent, as a date"),
})
  .superRefine((v, ctx) => {
    if (v.legalBasis === "consent" && !v.consentGivenOn) {
      ctx.addIssue({ code: "custom", path: ["consentGivenOn"], message: "Enter the date the candidate gave consent" });
    }
  })
  // A consent date means nothing on another basis: it is not kept.
  .transform((v) => ({ ...v, consentGivenOn: v.legalBasis === "consent" ? v.consentGivenOn : undefined }));

/** What the form holds while being edited (selects may still be empty). */
export type CandidateFormInput = z.input<typeof CandidateFormSchema>;
/** What the action stores. */
export type CandidateFormData = z.output<typeof CandidateFormSchema>;
