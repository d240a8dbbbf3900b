import { z } from "zod";

// The two versions to compare, from the query string (?from=1&to=2).
export const CompareQuerySchema = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
