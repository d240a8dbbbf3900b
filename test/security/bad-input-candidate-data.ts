/** Bad-input targets for the candidate-data actions; buildTargets (bad-input-targets.ts) appends them. */
import type { Target } from "./bad-input-targets";
import type { World } from "./world";

export async function candidateDataTargets(world: World): Promise<Target[]> {
  void world;
  return [];
}
