/** Bad-input targets for the audit actions; buildTargets (bad-input-targets.ts) appends them. */
import type { Target } from "./bad-input-targets";
import type { World } from "./world";

export async function auditTargets(world: World): Promise<Target[]> {
  void world;
  return [];
}
