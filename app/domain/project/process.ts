import type { ProjectProcess } from "../rubric/schema";

/**
 * The project process's dates and the PRD's required sections, all read from the rubric version
 * the project is pinned to (`project_process`), never from constants here.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier), counted in 24-hour steps. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

/** The milestone checkpoint falls due `checkpoint_after_days` after launch. */
export function checkpointDueAt(launchedAt: Date, process: ProjectProcess): Date {
  return addDays(launchedAt, process.checkpoint_after_days);
}

/**
 * The next quarterly review: the date the last review set, or (before any review) one review
 * period after the checkpoint was recorded.
 */
export function nextReviewDueAt(
  checkpointRecordedAt: Date,
  lastReview: { nextReviewOn: Date } | null,
  process: ProjectProcess,
): Date {
  return lastReview ? lastReview.nextReviewOn : addDays(checkpointRecordedAt, process.quarterly_review_every_days);
}

/** The default next review date a review form offers. */
export function defaultNextReviewOn(now: Date, process: ProjectProcess): Date {
  return addDays(now, process.quarterly_review_every_days);
}

/** ATX (`## Problem`) and setext (`Problem\n-------`) headings of a markdown text, lower-cased and trimmed. */
export function markdownHeadings(markdown: string): string[] {
  const headings: string[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let fenced = false;
  lines.forEach((line, i) => {
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const atx = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) headings.push(normaliseHeading(atx[1]!));
    else if (i > 0 && /^\s{0,3}(=+|-+)\s*$/.test(line) && lines[i - 1]!.trim() !== "") headings.push(normaliseHeading(lines[i - 1]!));
  });
  return headings;
}

/** How headings are compared: emphasis marks dropped, spaces collapsed, case ignored. */
export function normaliseHeading(text: string): string {
  return text.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** The sections the rubric requires that the PRD has no heading for. */
export function missingPrdSections(prd: string, process: ProjectProcess): ProjectProcess["prd"]["required_sections"] {
  const headings = new Set(markdownHeadings(prd));
  return process.prd.required_sections.filter((section) => !headings.has(normaliseHeading(section.heading)));
}

/** A PRD skeleton with the rubric's sections, offered when a project starts. */
export function prdTemplate(process: ProjectProcess): string {
  return process.prd.required_sections.map((s) => `## ${s.heading}\n\n${s.guidance}\n`).join("\n");
}
