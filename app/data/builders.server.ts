import { isLevel, type Level } from "~/domain/levels";
import type { Rubric } from "~/domain/rubric/schema";
import { prisma } from "./db.server";
import { rubricFromContent } from "./rubrics.server";

export type BuilderRecord = {
  userId: string;
  name: string;
  email: string;
  level: Level;
  track: string;
  managerId: string | null;
  managerName: string | null;
  startedAt: Date;
};

const include = { user: { select: { name: true, email: true } }, manager: { select: { name: true } } } as const;

type Row = {
  userId: string;
  level: string;
  track: string;
  managerId: string | null;
  startedAt: Date;
  user: { name: string; email: string };
  manager: { name: string } | null;
};

function toRecord(row: Row): BuilderRecord {
  if (!isLevel(row.level)) throw new Error(`Builder ${row.userId} has an unknown level "${row.level}"`);
  return {
    userId: row.userId,
    name: row.user.name,
    email: row.user.email,
    level: row.level,
    track: row.track,
    managerId: row.managerId,
    managerName: row.manager?.name ?? null,
    startedAt: row.startedAt,
  };
}

export async function findBuilder(userId: string): Promise<BuilderRecord | null> {
  const row = await prisma.builder.findUnique({ where: { userId }, include });
  return row ? toRecord(row) : null;
}

export async function listReports(managerId: string): Promise<BuilderRecord[]> {
  const rows = await prisma.builder.findMany({ where: { managerId }, include, orderBy: { user: { name: "asc" } } });
  return rows.map(toRecord);
}

export async function listBuilders(): Promise<BuilderRecord[]> {
  const rows = await prisma.builder.findMany({ include, orderBy: [{ level: "desc" }, { user: { name: "asc" } }] });
  return rows.map(toRecord);
}

export type LevelChangeView = { level: string; effectiveAt: Date; reason: string; note: string; hiringDecisionId: string | null };

export type BuilderCareer = BuilderRecord & {
  baseSalary: number | null;
  currency: string | null;
  rubricVersion: { track: string; version: number; name: string; bands: Rubric["bands"] } | null;
  history: LevelChangeView[];
};

/** A builder's whole record: level, manager, pinned rubric version with its bands, pay and level history. */
export async function findBuilderCareer(userId: string): Promise<BuilderCareer | null> {
  const row = await prisma.builder.findUnique({
    where: { userId },
    include: {
      ...include,
      rubricVersion: { select: { track: true, version: true, name: true, content: true, contentHash: true } },
      levelHistory: { orderBy: { effectiveAt: "asc" } },
    },
  });
  if (!row) return null;
  return {
    ...toRecord(row),
    baseSalary: row.baseSalary,
    currency: row.currency,
    rubricVersion: row.rubricVersion
      ? {
          track: row.rubricVersion.track,
          version: row.rubricVersion.version,
          name: row.rubricVersion.name,
          bands: rubricFromContent(row.rubricVersion.contentHash, row.rubricVersion.content).bands,
        }
      : null,
    history: row.levelHistory.map((h) => ({ level: h.level, effectiveAt: h.effectiveAt, reason: h.reason, note: h.note, hiringDecisionId: h.hiringDecisionId })),
  };
}
