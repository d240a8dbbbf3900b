import { z } from "zod";

// The admin's retire / reinstate buttons on a version page.
export const RetirementSchema = z.object({ intent: z.enum(["retire", "reinstate"]) });
