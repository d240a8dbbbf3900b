import { z } from "zod";
import { isCalendarDate } from "../calendar-date";
import { isWebAddress, linkLines } from "../candidate-form";
import { METRIC_DIRECTIONS } from "./metrics";
import { CHECKPOINT_VERDICTS, PROJECT_MODES, PROJECT_OUTCOMES, REVIEW_HEALTH } from "./workflow";

/**
 * The project log's forms, one zod schema each, shared by react-hook-form in the browser and by
 * the actions on the server. Every change names the project `version` it was based on, so a
 * second tab's stale change is refused instead of overwriting.
 *
 * Browsers post nested fields as flat names (`metrics.0.name`, `actuals.<metric id>`);
 * react-hook-form validates them nested. `nestFields` turns the first shape into the second.
 */
export const PROJECT_TITLE_MAX = 200;
export const PROJECT_TEXT_MAX = 5000;
export const PRD_MAX = 50_000;
export const PROJECT_LINKS_MAX = 10;
export const PROJECT_METRICS_MAX = 10;
export const DEMO_TEXT_MAX = 2000;

const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

/**
 * `{ "metrics.0.name": "x" }` → `{ metrics: [{ name: "x" }] }`. Index segments become array items
 * only below PROJECT_METRICS_MAX * 10 (a huge index stays a key, and the schema refuses it);
 * reserved names are never used as keys of a plain object.
 */
export function nestFields(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const segments = key.split(".");
    if (segments.length === 1 || segments.some((s) => RESERVED.has(s) || s === "")) {
      define(out, key, value);
      continue;
    }
    let node: Record<string, unknown> | unknown[] = out;
    segments.forEach((segment, i) => {
      const last = i === segments.length - 1;
      const nextIsIndex = !last && /^\d{1,3}$/.test(segments[i + 1]!) && Number(segments[i + 1]) < PROJECT_METRICS_MAX * 10;
      const current = (node as Record<string, unknown>)[segment];
      if (last) define(node as Record<string, unknown>, segment, value);
      else if (current && typeof current === "object") node = current as Record<string, unknown>;
      else {
        const child = nextIsIndex ? [] : {};
        define(node as Record<string, unknown>, segment, child);
        node = child;
      }
    });
  }
  return out;
}

function define(target: Record<string, unknown> | unknown[], key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const version = z.coerce.number({ error: "Reload the page: the form lost track of the version it edits" }).int().min(0);
const required = (what: string, max = PROJECT_TEXT_MAX) =>
  z.string({ error: `Write ${what}` }).trim().min(1, `Write ${what}`).max(max, `Keep it under ${max} characters`);
const optionalText = (max = PROJECT_TEXT_MAX) =>
  z.string({ error: "Write text here" }).trim().max(max, `Keep it under ${max} characters`).optional().default("");
const personId = (what: string) => z.string({ error: `Choose ${what}` }).trim().min(1, `Choose ${what}`).max(100, `Choose ${what}`);
const calendarDate = (what: string) => z.string({ error: `Enter ${what}` }).refine(isCalendarDate, `Enter ${what} as a date`);

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number typed into a field: "", "abc", "1,200" and infinities are refused, never read as 0. */
export const metricNumber = (what: string) =>
  z.preprocess(
    // Decimal notation only: Number() would also read "0x1F", "0b11" and " 12 " as numbers.
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : DECIMAL.test(v.trim()) ? Number(v.trim()) : Number.NaN) : v),
    z
      .number({ error: `Enter ${what} as a number, such as 1200 or 12.5` })
      .refine(Number.isFinite, `Enter ${what} as a number, such as 1200 or 12.5`)
      .refine((n) => Math.abs(n) < 1e15, `Enter ${what} below a thousand trillion`),
  );

export const metricSchema = z.object({
  name: required("the metric's name", 120),
  unit: z.string({ error: "Write the unit" }).trim().max(30, "Keep the unit under 30 characters").optional().default(""),
  baseline: metricNumber("the baseline"),
  target: metricNumber("the target"),
  direction: z.enum(METRIC_DIRECTIONS, { error: "Choose whether the actual must reach at least or at most the target" }),
  measurement: required("how it is measured", 1000),
});
export type MetricInput = z.output<typeof metricSchema>;

const links = z
  .string({ error: "Write one link per line" })
  .max(PROJECT_LINKS_MAX * 2100, "Keep the links shorter")
  .optional()
  .default("")
  .superRefine((value, ctx) => {
    const lines = linkLines(value);
    if (lines.length > PROJECT_LINKS_MAX) ctx.addIssue({ code: "custom", message: `Add at most ${PROJECT_LINKS_MAX} links` });
    lines.forEach((line) => {
      if (!isWebAddress(line)) ctx.addIssue({ code: "custom", message: `“${line.slice(0, 60)}” is not a web address: each line needs one link starting with http:// or https://` });
    });
  })
  .transform(linkLines);

/**
 * A project's content, saved as a draft or submitted (`intent`). Whether the PRD has the rubric's
 * sections and enough metrics is checked on submission (workflow.ts submissionGaps), so a draft can
 * be saved half-written. `version` is empty for a new project.
 */
export const projectSchema = z.preprocess(
  nestFields,
  z
    .object({
      intent: z.enum(["save", "submit"], { error: "Choose to save or submit" }).optional().default("save"),
      version: z.union([z.literal("").transform(() => undefined), version]).optional(),
      title: required("a title", PROJECT_TITLE_MAX),
      problem: required("the problem or insight"),
      mode: z.enum(PROJECT_MODES, { error: "Choose team founder or team satellite" }),
      team: z.string({ error: "Name one team" }).trim().max(200, "Keep the team's name under 200 characters").optional().default(""),
      prd: z.string({ error: "Write the PRD" }).max(PRD_MAX, `Keep the PRD under ${PRD_MAX} characters`).optional().default(""),
      // One approver: a second value (the field sent twice) is refused here, before anything is read.
      approverId: personId("one approver"),
      decisionDate: z
        .string({ error: "Enter one decision date" })
        .optional()
        .transform((v) => v?.trim() || undefined)
        .refine((v) => v === undefined || isCalendarDate(v), "Enter the decision date as a date"),
      links,
      metrics: z
        .array(metricSchema, { error: "Add the success metrics as a list" })
        .max(PROJECT_METRICS_MAX, `Define at most ${PROJECT_METRICS_MAX} success metrics`)
        .optional()
        .default([]),
    })
    .superRefine((v, ctx) => {
      if (v.mode === "satellite" && v.team === "") {
        ctx.addIssue({ code: "custom", path: ["team"], message: "Name the team this satellite project is embedded in" });
      }
      const names = v.metrics.map((m) => m.name.toLowerCase());
      names.forEach((name, i) => {
        if (names.indexOf(name) !== i) ctx.addIssue({ code: "custom", path: ["metrics", i, "name"], message: "Another metric has this name" });
      });
    })
    .transform((v) => ({ ...v, team: v.mode === "satellite" ? v.team : "", decisionDate: v.mode === "founder" ? v.decisionDate : undefined })),
);
export type ProjectInput = z.output<typeof projectSchema>;
export type ProjectFormValues = z.input<typeof projectSchema>;

const intent = <T extends string>(value: T) => z.literal(value, { error: "Unknown action" });

export const approveSchema = z.object({ intent: intent("approve"), version, note: optionalText() });
export const requestChangesSchema = z.object({ intent: intent("request_changes"), version, comments: required("what should change") });
export const changeApproverSchema = z.object({
  intent: intent("change_approver"),
  version,
  approverId: personId("the new approver"),
  reason: required("why the approver changes", 2000),
});
export const launchSchema = z.object({ intent: intent("launch"), version });

/** The checkpoint names an actual for exactly the project's metrics (`actuals.<metric id>`). */
export function checkpointSchema(metricIds: readonly string[]) {
  return z.preprocess(
    nestFields,
    z.object({
      intent: intent("record_checkpoint"),
      version,
      verdict: z.enum(CHECKPOINT_VERDICTS, { error: "Choose a verdict" }),
      followUps: optionalText(),
      actuals: z.strictObject(
        Object.fromEntries(metricIds.map((id) => [id, metricNumber("the actual value")])) as Record<string, ReturnType<typeof metricNumber>>,
        { error: "Give the actual value of every success metric" },
      ),
    }),
  );
}
export type CheckpointInput = { verdict: (typeof CHECKPOINT_VERDICTS)[number]; followUps: string; actuals: Record<string, number>; version: number };

export const reviewSchema = z.object({
  intent: intent("record_review"),
  version,
  health: z.enum(REVIEW_HEALTH, { error: "Choose the project's health" }),
  roi: required("the return on investment so far"),
  followThrough: optionalText(),
  nextReviewOn: calendarDate("the next review's date"),
});

export const closeSchema = z.object({
  intent: intent("close"),
  version,
  outcome: z.enum(PROJECT_OUTCOMES, { error: "Choose the outcome" }),
  note: optionalText(),
});

export const blockSchema = z.object({
  intent: intent("block"),
  version,
  escalateToId: personId("who to escalate to"),
  reason: required("what blocks the project", 2000),
});
export const unblockSchema = z.object({ intent: intent("unblock"), version });

export const demoSchema = z.object({
  title: required("the demo's title", PROJECT_TITLE_MAX),
  shows: required("what it shows", DEMO_TEXT_MAX),
  link: z
    .string({ error: "Give the link to the demo" })
    .trim()
    .max(2000, "Keep the link under 2000 characters")
    .refine(isWebAddress, "Give the link to the demo, starting with http:// or https://"),
  demoOn: calendarDate("the demo's date"),
});
export type DemoInput = z.output<typeof demoSchema>;

export const flagDemoSchema = z.object({
  intent: z.enum(["flag", "unflag"], { error: "Unknown action" }),
  demoId: z.string({ error: "Choose a demo" }).min(1).max(100),
  note: optionalText(500),
});
