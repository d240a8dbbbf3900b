/** Bad-input targets for the candidate pipeline's actions; buildTargets (bad-input-targets.ts) appends them. */
import fc from "fast-check";
import { prisma } from "~/data/db.server";
import { MANUAL_STATUSES, statusVersion } from "~/domain/candidate-pipeline";
import { addField, dropField, formWire, hostileString, noiseField, oversize, poisoned, repeatField, setField, type Fields, type Poison } from "./bad-bodies";
import type { Target } from "./bad-input-targets";
import type { World } from "./world";

function form(base: Fields, poison: fc.Arbitrary<Poison<Fields>>) {
  return poisoned(() => base, poison, noiseField).chain(({ value, poisons }) => formWire(value).map((wire) => ({ ...wire, poisons })));
}

const unlike = (...taken: string[]) => hostileString.filter((s) => !taken.includes(s.trim()));
/** A required reason's poisons: empty, blank, missing, too long, sent twice, with a NUL. */
const reasonPoisons = (max: number) => [
  fc.constantFrom(setField("reason", ""), setField("reason", "  \t\n "), dropField("reason"), repeatField("reason")),
  oversize(max + 1).map((v) => setField("reason", v)),
  fc.constantFrom("\u0000", "Role filled\u0000").map((v) => setField("reason", v)),
];

export async function pipelineTargets(world: World): Promise<Target[]> {
  const kwame = world.candidates.find((c) => c.name === "Kwame Asante")!;
  const stored = await prisma.candidate.findUniqueOrThrow({ where: { id: kwame.id }, select: { statusChangedAt: true } });
  const version = statusVersion(stored.statusChangedAt);
  const ana = world.loopOf("Ana Souza");
  const loopUrl = { url: `/loops/${ana.id}`, params: { loopId: ana.id } };
  return [
    {
      // Base: a valid rejection of Kwame, read at his current status version. Poisons: an unknown
      // intent or status, hired (never by hand), the reason a rejection needs missing or too long,
      // the version missing, sent twice, too long or stale (409).
      name: "change a candidate's pipeline status",
      route: "routes/candidates.$candidateId._index",
      url: `/candidates/${kwame.id}`,
      params: { candidateId: kwame.id },
      persona: "recruiter",
      others: ["hiring-committee", "interviewer", "builder"],
      input: form(
        [
          ["intent", "set-status"],
          ["status", "rejected"],
          ["reason", "Not the right fit for the platform team"],
          ["statusChangedAt", version],
        ],
        fc.oneof(
          unlike("set-status").map((v) => setField("intent", v)),
          fc.constantFrom(dropField("intent"), repeatField("intent"), setField("intent", "SET-STATUS")),
          unlike(...MANUAL_STATUSES).map((v) => setField("status", v)),
          fc.constantFrom(setField("status", "hired"), setField("status", "Rejected"), dropField("status"), repeatField("status"), addField("status", "withdrawn")),
          ...reasonPoisons(500),
          fc.constantFrom(dropField("statusChangedAt"), repeatField("statusChangedAt"), setField("statusChangedAt", "2020-01-01T00:00:00.000Z"), setField("statusChangedAt", "x".repeat(41))),
          unlike(version).map((v) => setField("statusChangedAt", v)),
        ),
      ),
    },
    {
      // Base: closing Ana's loop with a reason. Poisons: the reason missing, blank, too long or sent
      // twice; the intent changed (the page then reads another form, which refuses it too).
      name: "close a loop",
      route: "routes/loops.$loopId._index",
      ...loopUrl,
      persona: "recruiter",
      others: ["hiring-committee", "interviewer"],
      input: form(
        [
          ["intent", "close-loop"],
          ["reason", "Role filled internally"],
        ],
        fc.oneof(...reasonPoisons(500), fc.constantFrom(repeatField("intent"), setField("intent", "Close-Loop"), setField("intent", "close-loop\u0000"))),
      ),
    },
    {
      // Base: reopening Ana's loop, which is open: a refusal (409). Poisons: the intent sent twice,
      // changed or dropped (the page then reads its interview form, which refuses it).
      name: "reopen a loop",
      route: "routes/loops.$loopId._index",
      ...loopUrl,
      persona: "recruiter",
      others: ["hiring-committee", "interviewer"],
      input: form([["intent", "reopen-loop"]], fc.constantFrom(repeatField("intent"), dropField("intent"), setField("intent", "reopen"), setField("intent", "REOPEN-LOOP"))),
    },
  ];
}
