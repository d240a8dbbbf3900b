import { createHash } from "node:crypto";
import { readCatalogue } from "~/domain/rubric/catalogue";
import { canonicalJson } from "~/domain/rubric/canonical";
import type { Rubric } from "~/domain/rubric/schema";
import { planRubricSync, versionStatuses, type SyncPlan, type VersionStatus } from "~/domain/rubric/sync";
import { recordChange, SYSTEM_ACTOR, type PersonActor } from "./audit.server";
import { prisma } from "./db.server";
import { readRubricSources, RubricPublishError } from "./rubric-files.server";

export { RubricPublishError };

export type RubricSyncReport = Pick<SyncPlan, "create" | "update" | "remove">;

/** Publishes the rubric files into the database (see domain/rubric/sync.ts for the rules). */
export async function syncRubricFiles(now: Date, dir?: string): Promise<RubricSyncReport> {
  const { rubrics, errors } = readCatalogue(readRubricSources(dir));
  if (errors.length > 0) throw new RubricPublishError(errors);

  const files = rubrics.map((rubric) => {
    const content = canonicalJson(rubric);
    return { track: rubric.track, version: rubric.version, name: rubric.name, content, contentHash: sha256(content) };
  });
  const stored = await prisma.rubricVersion.findMany({
    select: { track: true, version: true, contentHash: true, firstUsedAt: true },
  });
  const plan = planRubricSync(
    files,
    stored.map((s) => ({ ...s, inUse: s.firstUsedAt !== null })),
  );
  if (plan.refusals.length > 0) throw new RubricPublishError(plan.refusals);

  const fileFor = (v: { track: string; version: number }) => files.find((f) => f.track === v.track && f.version === v.version)!;
  // The system publishes: each version created, replaced (never used) or removed is recorded with it.
  await prisma.$transaction(async (tx) => {
    const record = (action: string, v: { id: string; track: string; version: number }) =>
      recordChange(tx, SYSTEM_ACTOR, { action, recordType: "rubric", recordId: v.id, detail: { track: v.track, version: v.version } }, now);
    for (const v of plan.create) {
      const f = fileFor(v);
      const created = await tx.rubricVersion.create({
        data: { track: f.track, version: f.version, name: f.name, content: f.content, contentHash: f.contentHash, publishedAt: now, updatedAt: now },
      });
      await record("rubric.publish", created);
    }
    for (const v of plan.update) {
      const f = fileFor(v);
      const updated = await tx.rubricVersion.update({
        where: { track_version: { track: f.track, version: f.version } },
        data: { name: f.name, content: f.content, contentHash: f.contentHash, updatedAt: now },
      });
      await record("rubric.republish", updated);
    }
    for (const v of plan.remove) {
      const removed = await tx.rubricVersion.delete({ where: { track_version: { track: v.track, version: v.version } } });
      await record("rubric.withdraw", removed);
    }
  });
  return { create: plan.create, update: plan.update, remove: plan.remove };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export type RubricVersionSummary = {
  id: string;
  track: string;
  version: number;
  name: string;
  status: VersionStatus;
  inUse: boolean;
  publishedAt: Date;
  retiredAt: Date | null;
};

export type TrackSummary = { track: string; name: string; versions: RubricVersionSummary[] };

const summaryFields = {
  id: true,
  track: true,
  version: true,
  name: true,
  firstUsedAt: true,
  publishedAt: true,
  retiredAt: true,
} as const;

type SummaryRow = {
  id: string;
  track: string;
  version: number;
  name: string;
  firstUsedAt: Date | null;
  publishedAt: Date;
  retiredAt: Date | null;
};

function summarise(rows: SummaryRow[]): RubricVersionSummary[] {
  return versionStatuses(rows.map((r) => ({ ...r, retired: r.retiredAt !== null }))).map(
    ({ firstUsedAt, retired: _retired, ...r }) => ({ ...r, inUse: firstUsedAt !== null }),
  );
}

export async function listTracks(): Promise<TrackSummary[]> {
  const rows = await prisma.rubricVersion.findMany({ select: summaryFields, orderBy: [{ track: "asc" }, { version: "desc" }] });
  const tracks = [...new Set(rows.map((r) => r.track))];
  return tracks.map((track) => {
    const versions = summarise(rows.filter((r) => r.track === track));
    return { track, name: versions[0]!.name, versions };
  });
}

export async function listTrackVersions(track: string): Promise<RubricVersionSummary[]> {
  return summarise(await prisma.rubricVersion.findMany({ where: { track }, select: summaryFields }));
}

// Published content never changes while it is in use, and changes only at start otherwise:
// parsed rubrics are cached by content hash.
const parsed = new Map<string, Rubric>();

export async function findRubricVersion(
  track: string,
  version: number,
): Promise<{ summary: RubricVersionSummary; rubric: Rubric } | null> {
  const row = await prisma.rubricVersion.findUnique({
    where: { track_version: { track, version } },
    select: { ...summaryFields, content: true, contentHash: true },
  });
  if (!row) return null;
  const siblings = await listTrackVersions(track);
  const summary = siblings.find((s) => s.version === version)!;
  return { summary, rubric: rubricFromContent(row.contentHash, row.content) };
}

/** A published version's content, parsed once per content hash. */
export function rubricFromContent(contentHash: string, content: string): Rubric {
  let rubric = parsed.get(contentHash);
  if (!rubric) {
    rubric = JSON.parse(content) as Rubric;
    parsed.set(contentHash, rubric);
  }
  return rubric;
}

/**
 * The parsed rubrics of the given versions, by content hash. A version's content (20 kB of JSON)
 * is read from the database only the first time its hash is seen: lists of thousands of loops
 * select the 64-character hash, not the content.
 */
export async function rubricsByHash(versions: ReadonlyArray<{ id: string; contentHash: string }>): Promise<Map<string, Rubric>> {
  const missing = [...new Map(versions.filter((v) => !parsed.has(v.contentHash)).map((v) => [v.id, v])).values()];
  if (missing.length > 0) {
    const rows = await prisma.rubricVersion.findMany({ where: { id: { in: missing.map((v) => v.id) } }, select: { content: true, contentHash: true } });
    for (const row of rows) rubricFromContent(row.contentHash, row.content);
  }
  const result = new Map<string, Rubric>();
  for (const v of versions) {
    const rubric = parsed.get(v.contentHash);
    if (!rubric) throw new Error(`Rubric version ${v.id} has no content for hash ${v.contentHash}`);
    result.set(v.contentHash, rubric);
  }
  return result;
}

/** The version new loops and packets of a track pin to: its newest version that is not retired. */
export async function findCurrentVersion(track: string): Promise<RubricVersionSummary | null> {
  return (await listTrackVersions(track)).find((v) => v.status === "current") ?? null;
}

/** Called when a loop, scorecard or packet first pins a version: from now on it is immutable. */
export async function markRubricVersionUsed(id: string, now: Date): Promise<void> {
  await prisma.rubricVersion.updateMany({ where: { id, firstUsedAt: null }, data: { firstUsedAt: now } });
}

/** Retires a version (new loops and packets no longer pin it) or brings it back, with its audit entry. */
export async function setRubricVersionRetired(id: string, retired: boolean, actor: PersonActor, now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const version = await tx.rubricVersion.update({
      where: { id },
      data: retired ? { retiredAt: now, retiredById: actor.userId } : { retiredAt: null, retiredById: null },
      select: { id: true, track: true, version: true },
    });
    const detail = { track: version.track, version: version.version };
    await recordChange(tx, actor, { action: retired ? "rubric.retire" : "rubric.unretire", recordType: "rubric", recordId: id, detail }, now);
  });
}
