import { asCandidateStatus, type CandidateStatus } from "~/domain/candidate-pipeline";
import { isLevel, type Level } from "~/domain/levels";
import { canReadBuilderRecord, hasPermission, type Viewer } from "~/domain/permissions";
import type { ProjectStatus } from "~/domain/project/workflow";
import { foldForSearch, matchesSearch, type SearchNeedle } from "~/domain/search-text";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";

/**
 * Text search, in one place. The database is never asked to match text: SQLite's LIKE folds ASCII
 * letters only (so "zoë" would miss "ZOË") and reads % and _ as wildcards. Instead each search
 * reads only the few searchable columns (ids, names, emails, titles) of the rows the other filters
 * and the viewer's rights allow, and compares them with domain/search-text.ts's folding (plain
 * ASCII, most names and every email, takes a fast path). For the 1,000-candidate benchmark
 * organisation that is about 5 ms of query and 2 ms of folding (measured on a busy 2-CPU machine),
 * growing linearly: fine to some tens of thousands of candidates. Erased candidates are never read
 * here, so nothing about them (old or anonymised) matches. The queries are plain Prisma, so the
 * same code runs on PostgreSQL; past that size the folded text would move into an indexed column
 * (or unaccent + ILIKE / pg_trgm) and only this file would change.
 */

/**
 * Ids of the candidates matching the search (name or email), in the order given, among those the
 * filters allow; erased candidates never match.
 */
export async function matchingCandidateIds(
  needle: SearchNeedle,
  where: Prisma.CandidateWhereInput,
  orderBy: Prisma.CandidateOrderByWithRelationInput[] = [{ createdAt: "desc" }, { name: "asc" }, { id: "asc" }],
): Promise<string[]> {
  const rows = await prisma.candidate.findMany({ where: { ...where, erasedAt: null }, select: { id: true, name: true, email: true }, orderBy });
  return rows.filter((r) => matchesSearch(needle, r.name, r.email)).map((r) => r.id);
}

/** Results shown per group; the group says how many matched in all. */
export const SEARCH_GROUP_LIMIT = 10;

export type SearchGroup<T> = { shown: T[]; total: number };
export type CandidateHit = { id: string; name: string; targetLevel: string; status: CandidateStatus };
export type BuilderHit = { userId: string; name: string; level: Level | null; track: string };
export type ProjectHit = { id: string; title: string; status: ProjectStatus; ownerName: string };

/** A group is null when the viewer may read none of its records: the page then says nothing of it. */
export type SearchResults = {
  candidates: SearchGroup<CandidateHit> | null;
  builders: SearchGroup<BuilderHit> | null;
  projects: SearchGroup<ProjectHit>;
};

/** Names that start with the search first (then a word of them, then anywhere), then A→Z; each name folded once. */
function group<T>(items: T[], needle: SearchNeedle, label: (item: T) => string, limit: number): SearchGroup<T> {
  const ranked = items.map((item) => {
    const text = foldForSearch(label(item));
    return { item, label: label(item), rank: text.startsWith(needle.folded) ? 0 : ` ${text}`.includes(` ${needle.folded}`) ? 1 : 2 };
  });
  ranked.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label, "en", { sensitivity: "base" }));
  return { shown: ranked.slice(0, limit).map((r) => r.item), total: items.length };
}

/**
 * Everything this viewer may read that matches: candidates (read:candidate:any), builders (all with
 * read:builder:any, their reports with read:builder:team, themselves with read:builder:own — the
 * same rule as the builder's page, canReadBuilderRecord) and projects (every signed-in person reads
 * a project's summary: domain/project/access.ts).
 */
export async function searchEverything(viewer: Viewer, needle: SearchNeedle, limit = SEARCH_GROUP_LIMIT): Promise<SearchResults> {
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(viewer.roles, p);
  const builderScope: Prisma.BuilderWhereInput[] = [...(can("read:builder:team") ? [{ managerId: viewer.id }] : []), ...(can("read:builder:own") ? [{ userId: viewer.id }] : [])];
  const builderWhere: Prisma.BuilderWhereInput | null = can("read:builder:any") ? {} : builderScope.length > 0 ? { OR: builderScope } : null;

  const [candidates, builders, projects] = await Promise.all([
    can("read:candidate:any")
      ? prisma.candidate.findMany({ where: { erasedAt: null }, select: { id: true, name: true, email: true, targetLevel: true, status: true } })
      : null,
    builderWhere
      ? prisma.builder.findMany({ where: builderWhere, select: { userId: true, managerId: true, level: true, track: true, user: { select: { name: true, email: true } } } })
      : null,
    prisma.project.findMany({ select: { id: true, title: true, status: true, owner: { select: { name: true } } } }),
  ]);

  return {
    candidates: candidates
      ? group(
          candidates.filter((c) => matchesSearch(needle, c.name, c.email)).map((c) => ({ id: c.id, name: c.name, targetLevel: c.targetLevel, status: asCandidateStatus(c.status) })),
          needle,
          (c) => c.name,
          limit,
        )
      : null,
    builders: builders
      ? group(
          builders
            // The builder page's own rule, again: the query above only narrows the rows read.
            .filter((b) => canReadBuilderRecord(viewer, b) && matchesSearch(needle, b.user.name, b.user.email))
            .map((b) => ({ userId: b.userId, name: b.user.name, level: isLevel(b.level) ? b.level : null, track: b.track })),
          needle,
          (b) => b.name,
          limit,
        )
      : null,
    projects: group(
      projects.filter((p) => matchesSearch(needle, p.title, p.owner.name)).map((p) => ({ id: p.id, title: p.title, status: p.status as ProjectStatus, ownerName: p.owner.name })),
      needle,
      (p) => p.title,
      limit,
    ),
  };
}
