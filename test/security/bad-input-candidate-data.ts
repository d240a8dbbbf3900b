/** Bad-input targets for the candidate-data actions; buildTargets (bad-input-targets.ts) appends them. */
import fc from "fast-check";
import { ERASE_WORD, ERASURE_REASON_MAX } from "~/domain/candidate-erasure";
import { dropField, formWire, hostileString, noiseField, oversize, poisoned, repeatField, setField, type Fields, type Poison } from "./bad-bodies";
import type { Input, Target } from "./bad-input-targets";
import type { World } from "./world";

/**
 * The erase form of /candidates/:id/data: a reason (required, at most ERASURE_REASON_MAX) and the
 * confirmation (the candidate's name or ERASE). Every poison leaves the form invalid, so no input
 * ever erases the demo's candidate.
 */
export async function candidateDataTargets(world: World): Promise<Target[]> {
  const kwame = world.candidates.find((c) => c.name === "Kwame Asante")!;
  const base: Fields = [
    ["reason", "Erasure requested by the candidate"],
    ["confirmation", ERASE_WORD],
  ];
  const notConfirming = hostileString.filter((s) => ![ERASE_WORD, kwame.name].includes(s.trim().normalize("NFC")));
  const poisons: fc.Arbitrary<Poison<Fields>> = fc.oneof(
    fc.constantFrom(setField("reason", ""), setField("reason", "  \t"), dropField("reason"), repeatField("reason")),
    oversize(ERASURE_REASON_MAX + 1).map((v) => setField("reason", v)),
    fc.constantFrom("\u0000", "a\u0000b").map((v) => setField("reason", v)),
    notConfirming.map((v) => setField("confirmation", v)),
    fc.constantFrom(
      setField("confirmation", "erase"),
      setField("confirmation", "Kwame"),
      setField("confirmation", "kwame asante"),
      dropField("confirmation"),
      repeatField("confirmation")
    )
  );
  const input: fc.Arbitrary<Input> = poisoned(() => base, poisons, noiseField).chain(({ value, poisons: labels }) =>
    formWire(value).map((wire) => ({ ...wire, poisons: labels }))
  );
  return [
    {
      name: "erase a candidate",
      route: "routes/candidates.$candidateId.data",
      url: `/candidates/${kwame.id}/data`,
      params: { candidateId: kwame.id },
      persona: "admin",
      others: ["interviewer", "hannah", "hiring-committee"],
      input,
    },
  ];
}
