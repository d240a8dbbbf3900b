import { z } from "zod";
import { PROJECT_STATUSES } from "~/domain/project/workflow";

/**
 * The project list's filters, from the address: `mine=1` (the viewer's own projects) and `status`
 * (one status, or `open` for every status but closed). An unknown value is read as no filter, so
 * an edited or stale address still shows a list, never an error.
 */
export const ProjectFiltersSchema = z.object({
  mine: z.enum(["1"]).optional().catch(undefined),
  status: z.enum([...PROJECT_STATUSES, "open"]).optional().catch(undefined),
});
export type ProjectFilters = z.output<typeof ProjectFiltersSchema>;
