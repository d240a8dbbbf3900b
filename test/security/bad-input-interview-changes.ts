/** Bad-input targets for changing an interview (reschedule, cancel, reassign); buildTargets (bad-input-targets.ts) appends them. */
import fc from "fast-check";
import { prisma } from "~/data/db.server";
import { wallClockInZone } from "~/domain/time-zone";
import { addField, dropField, formWire, hostileString, noiseField, oversize, poisoned, repeatField, setField, type Fields, type Poison } from "./bad-bodies";
import type { Target } from "./bad-input-targets";
import type { World } from "./world";

const INTENTS = ["reschedule", "cancel", "reassign"];
const DAY = 86_400_000;

function form(base: Fields, poison: fc.Arbitrary<Poison<Fields>>) {
  return poisoned(() => base, poison, noiseField).chain(({ value, poisons }) => formWire(value).map((wire) => ({ ...wire, poisons })));
}

export async function interviewChangeTargets(world: World): Promise<Target[]> {
  // An interview still ahead with no scorecard in, so every base input is a change the action would make.
  const interview = await prisma.interview.findFirstOrThrow({
    where: { startsAt: { gt: new Date(Date.now() + DAY / 2) }, cancelledAt: null, scorecards: { none: { status: "submitted" } } },
    include: { assignments: { select: { interviewerId: true } } },
    orderBy: { startsAt: "desc" },
  });
  const url = `/interviews/${interview.id}/edit`;
  const params = { interviewId: interview.id };
  const version = String(interview.sequence);
  const panel = interview.assignments.map((a) => a.interviewerId);
  const joiner = world.people.find((p) => p.roles.includes("interviewer") && !panel.includes(p.id))!;
  const bea = world.person("builder@northwind.example").id;
  const later = wallClockInZone(new Date(interview.startsAt.getTime() + 7 * DAY), "Europe/Berlin");

  const intentPoisons = (keep: string) => [
    hostileString.filter((s) => !INTENTS.includes(s.trim())).map((v) => setField("intent", v)),
    fc.constantFrom(setField("intent", keep.toUpperCase()), setField("intent", `${keep}\u0000`), dropField("intent"), repeatField("intent")),
  ];
  // Stale versions (409) and versions that are not one (400).
  const sequencePoisons = [
    fc.constantFrom(String(interview.sequence + 1), String(interview.sequence + 100), "", " ", "-1", "1.5", "1e3", "0x1", "1".repeat(10)).map((v) => setField("sequence", v)),
    hostileString.filter((s) => !/^\s*\d+\s*$/.test(s)).map((v) => setField("sequence", v)),
    fc.constantFrom(dropField("sequence"), repeatField("sequence")),
  ];

  return [
    {
      // Poisons: an impossible, malformed, skipped or past time, the same time, an unknown zone, a length out of range, the version.
      name: "reschedule an interview",
      route: "routes/interviews.$interviewId.edit",
      url,
      params,
      persona: "recruiter",
      others: ["interviewer", "hannah"],
      input: form(
        [
          ["intent", "reschedule"],
          ["sequence", version],
          ["startsAtLocal", later],
          ["timeZone", "Europe/Berlin"],
          ["durationMinutes", "60"],
        ],
        fc.oneof(
          ...intentPoisons("reschedule"),
          ...sequencePoisons,
          fc.constantFrom("2027-02-31T10:00", "2027-13-01T10:00", "2027-01-05 10:00", "tomorrow", "", "2027-01-05T25:00", "2020-01-06T10:00", "2027-03-28T02:30").map((v) => setField("startsAtLocal", v)),
          // The time and length it has: nothing to change.
          fc.constant<Poison<Fields>>({
            label: "the time it has",
            apply: (f) => setField("durationMinutes", String(interview.durationMinutes)).apply(setField("startsAtLocal", wallClockInZone(interview.startsAt, "Europe/Berlin")).apply(f)),
          }),
          fc.constantFrom("+01:00", "Mars/Olympus_Mons", "", "__proto__", "x".repeat(65)).map((v) => setField("timeZone", v)),
          fc.constantFrom(dropField("startsAtLocal"), dropField("timeZone"), repeatField("startsAtLocal"), dropField("durationMinutes")),
          fc.constantFrom("14", "481", "60.5", "abc", "", "-60", "Infinity").map((v) => setField("durationMinutes", v)),
        ),
      ),
    },
    {
      // Poisons: no reason, a blank or oversize one, sent twice, unstorable text, the version.
      name: "cancel an interview",
      route: "routes/interviews.$interviewId.edit",
      url,
      params,
      persona: "recruiter",
      others: ["interviewer", "hiring-committee"],
      input: form(
        [
          ["intent", "cancel"],
          ["sequence", version],
          ["reason", "The candidate withdrew."],
        ],
        fc.oneof(
          ...intentPoisons("cancel"),
          ...sequencePoisons,
          fc.constantFrom(setField("reason", ""), setField("reason", "   \t"), dropField("reason"), repeatField("reason"), setField("reason", "a\u0000b")),
          oversize(501).map((v) => setField("reason", v)),
        ),
      ),
    },
    {
      // Poisons: nobody, someone without the interviewer role, an unknown id, the same panel, the version.
      name: "change an interview's interviewers",
      route: "routes/interviews.$interviewId.edit",
      url,
      params,
      persona: "admin",
      others: ["interviewer", "builder"],
      input: form(
        [["intent", "reassign"], ["sequence", version], ...panel.map((id): [string, string] => ["interviewerIds", id]), ["interviewerIds", joiner.id]],
        fc.oneof(
          ...intentPoisons("reassign"),
          ...sequencePoisons,
          fc.constantFrom(dropField("interviewerIds"), setField("interviewerIds", ""), setField("interviewerIds", bea), addField("interviewerIds", bea), addField("interviewerIds", "no-such-user"), addField("interviewerIds", "__proto__")),
          // Exactly the panel it has: nothing to change.
          fc.constant<Poison<Fields>>({ label: "the same panel", apply: (f) => [...f.filter(([k]) => k !== "interviewerIds"), ...panel.map((id): [string, string] => ["interviewerIds", id])] }),
        ),
      ),
    },
  ];
}
