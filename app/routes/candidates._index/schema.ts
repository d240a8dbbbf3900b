import { z } from "zod";
import { CANDIDATE_SOURCES } from "~/domain/candidates";
import { LEVELS } from "~/domain/levels";

/** An empty or unknown value means "no filter", so a stale or hand-edited address still lists. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional()).catch(undefined);

// The list's GET search form, read from the address by the loader.
export const CandidateFiltersSchema = z.object({
  q: optional(z.string().transform((v) => v.trim().slice(0, 200) || undefined)),
  source: optional(z.enum(CANDIDATE_SOURCES)),
  level: optional(z.enum(LEVELS)),
});

export type CandidateFiltersQuery = z.output<typeof CandidateFiltersSchema>;
