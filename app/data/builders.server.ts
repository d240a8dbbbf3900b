import { isLevel, type Level } from "~/domain/levels";
import { prisma } from "./db.server";

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
