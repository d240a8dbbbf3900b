/**
 * What the parts of the benchmark organisation generator share: the seeded Rng and ids, the bulk
 * writer, `now`, the published rubric versions (as the app reads them) and the demo people.
 */
import { stageRubric, type StageRubric } from "~/domain/scorecard/content";
import { scorecardSchemas, type ScorecardSchemas } from "~/domain/scorecard/schema";
import type { Rubric } from "~/domain/rubric/schema";
import type { BulkWriter } from "./generate-db";
import { dbDate, type IdMaker, type Rng } from "./generate-random";
import { slug } from "./generate-text";

export type StageInfo = {
  index: number;
  id: string;
  name: string;
  stage: StageRubric;
  schemas: ScorecardSchemas;
  competencyOf: Map<string, string>;
  durationMinutes: number;
};

export type VersionInfo = {
  id: string;
  track: string;
  version: number;
  rubric: Rubric;
  stages: StageInfo[];
  evidenceRequired: Set<number>;
  dueHours: number;
};

export type DemoPeople = {
  recruiterId: string;
  danielId: string;
  /** Hiring committee members who decide (Hannah Schmidt, Aisha Rahman, Tomás Berg). */
  hiringCommitteeIds: string[];
  /** Promotion committee members (Priya Natarajan, Tomás Berg), with their names. */
  promotionCommittee: Array<{ id: string; name: string }>;
  passwordHash: string;
};

export type Context = {
  rng: Rng;
  ids: IdMaker;
  w: BulkWriter;
  now: number;
  builderV2: VersionInfo;
  builderV1: VersionInfo | null;
  people: DemoPeople;
  /** Every user e-mail in the database, so generated ones never collide. */
  emails: Set<string>;
  /** Earliest use of each rubric version by generated rows (for firstUsedAt). */
  firstUse: Map<string, number>;
  /** Check every generated scorecard against its schema (else one in `validateEvery`). */
  validateEvery: number;
  log: (line: string) => void;
};

/** Stage durations as the demo schedules them (minutes). */
const DURATIONS = [45, 90, 75];

export function versionInfo(row: { id: string; track: string; version: number; content: string }): VersionInfo {
  const rubric = JSON.parse(row.content) as Rubric;
  const stages = rubric.stages.map((s, index): StageInfo => {
    const stage = stageRubric(rubric, s.id)!;
    return {
      index,
      id: s.id,
      name: s.name,
      stage,
      schemas: scorecardSchemas(stage),
      competencyOf: new Map(s.criteria.map((c) => [c.id, c.competency])),
      durationMinutes: DURATIONS[index] ?? 60,
    };
  });
  return {
    id: row.id,
    track: row.track,
    version: row.version,
    rubric,
    stages,
    evidenceRequired: new Set(rubric.decision_rules.evidence_required_for_ratings),
    dueHours: rubric.decision_rules.scorecard_due_hours,
  };
}

export function noteUse(ctx: Context, versionId: string, at: number): void {
  const seen = ctx.firstUse.get(versionId);
  if (seen === undefined || at < seen) ctx.firstUse.set(versionId, at);
}

/** A unique e-mail at `domain` for a person's name. */
export function uniqueEmail(ctx: Context, first: string, last: string, domain: string): string {
  const base = `${slug(first)}.${slug(last)}`;
  for (let n = 1; ; n++) {
    const email = `${base}${n === 1 ? "" : n}@${domain}`;
    if (!ctx.emails.has(email)) {
      ctx.emails.add(email);
      return email;
    }
  }
}

/** A user as the app stores one: the row, a Password row (the demo password) and a row per role. */
export function createUser(ctx: Context, user: { email: string; name: string; roles: readonly string[]; createdAt: number }, id = ctx.ids.next()): string {
  ctx.emails.add(user.email);
  ctx.w.insert("User", [id, user.email, user.name, dbDate(user.createdAt)]);
  ctx.w.insert("Password", [id, ctx.people.passwordHash]);
  for (const role of user.roles) ctx.w.insert("UserRole", [id, role]);
  return id;
}

type SafeParser<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } } };

/** Parses with an app schema; throws with the issues when the app would refuse the value. */
export function mustParse<T>(schema: SafeParser<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).join("; ");
    throw new Error(`Generated ${what} would be refused by the app: ${issues}`);
  }
  return parsed.data;
}
