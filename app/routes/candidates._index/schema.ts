import { z } from "zod";
import { CANDIDATE_STATUS_FILTERS, DEFAULT_STATUS_FILTER } from "~/domain/candidate-pipeline";
import { CANDIDATE_SOURCES } from "~/domain/candidates";
import { LEVELS } from "~/domain/levels";
import { searchTextParam } from "~/domain/search-text";

/** An empty or unknown value means "no filter", so a stale or hand-edited address still lists. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional()).catch(undefined);

/** Page numbers start at 1; anything else (0, -2, "abc", 1.5) reads as page 1; a page past the end is empty. */
const pageNumber = z
  .preprocess((v) => (typeof v === "string" && /^[1-9]\d{0,12}$/.test(v) ? Number(v) : 1), z.number().int().min(1))
  .catch(1);

// The list's GET search form, read from the address by the loader.
export const CandidateFiltersSchema = z.object({
  q: searchTextParam,
  source: optional(z.enum(CANDIDATE_SOURCES)),
  level: optional(z.enum(LEVELS)),
  // Who is listed: by default those still in the pipeline (active or on hold); "all" for everyone.
  status: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(CANDIDATE_STATUS_FILTERS).optional().default(DEFAULT_STATUS_FILTER)).catch(DEFAULT_STATUS_FILTER),
  page: pageNumber,
});

export type CandidateFiltersQuery = z.output<typeof CandidateFiltersSchema>;

/** The list's address for these filters and page, leaving out what is the default. */
export function candidateListHref(query: Omit<CandidateFiltersQuery, "page">, page = 1): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.source) params.set("source", query.source);
  if (query.level) params.set("level", query.level);
  if (query.status !== DEFAULT_STATUS_FILTER) params.set("status", query.status);
  if (page !== 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `/candidates?${text}` : "/candidates";
}
