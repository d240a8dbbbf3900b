/** Bad-input targets for the retention actions; buildTargets (bad-input-targets.ts) appends them. */
import fc from "fast-check";
import { ERASE_DUE_INTENT } from "~/domain/retention";
import { dropField, formWire, hostileString, noiseField, poisoned, repeatField, setField, type Fields } from "./bad-bodies";
import type { Target } from "./bad-input-targets";
import type { World } from "./world";

export async function retentionTargets(world: World): Promise<Target[]> {
  void world;
  // The one form: erase the candidates due now. Its only field is the intent; every poison makes it
  // something else, so the action must refuse it (400) and erase nothing.
  const base: Fields = [["intent", ERASE_DUE_INTENT]];
  const poison = fc.oneof(
    hostileString.filter((s) => s.trim() !== ERASE_DUE_INTENT).map((v) => setField("intent", v)),
    fc.constantFrom(
      setField("intent", "Erase-Due"),
      setField("intent", ` ${ERASE_DUE_INTENT}`),
      setField("intent", `${ERASE_DUE_INTENT}\u0000`),
      setField("intent", "erase"),
      dropField("intent"),
      repeatField("intent"),
    ),
  );
  return [
    {
      name: "erase the candidates due now (retention)",
      route: "routes/admin.retention",
      url: "/admin/retention",
      params: {},
      persona: "admin",
      others: ["recruiter", "hiring-committee"],
      input: poisoned(() => base, poison, noiseField).chain(({ value, poisons }) => formWire(value).map((wire) => ({ ...wire, poisons }))),
    },
  ];
}
