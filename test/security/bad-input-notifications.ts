/** Bad-input targets for the inbox's actions; buildTargets (bad-input-targets.ts) appends them. */
import fc from "fast-check";
import { prisma } from "~/data/db.server";
import { notify } from "~/data/notifications.server";
import { NOTIFICATION_KINDS } from "~/domain/notifications/events";
import { dropField, formWire, hostileString, noiseField, oversize, poisoned, repeatField, setField, type Fields, type Poison } from "./bad-bodies";
import type { Target } from "./bad-input-targets";
import type { World } from "./world";

const INTENTS = ["read", "read-all", "email"];

function form(base: Fields, poison: fc.Arbitrary<Poison<Fields>>) {
  return poisoned(() => base, poison, noiseField).chain(({ value, poisons }) => formWire(value).map((wire) => ({ ...wire, poisons })));
}

/** The interviewer persona's newest notification (one is written if the world has none), and someone else's. */
async function notificationIds(world: World): Promise<{ own: string; others: string }> {
  const interviewer = world.people.find((p) => p.email === "interviewer@northwind.example")!;
  const builder = world.people.find((p) => p.email === "builder@northwind.example")!;
  const ensure = async (person: { id: string; name: string; email: string }) => {
    const found = await prisma.notification.findFirst({ where: { recipientId: person.id }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (found) return found.id;
    const [id] = await prisma.$transaction((tx) =>
      notify(tx, { event: { kind: "interview.assigned", interviewId: "bad-input", stageName: "Live build", startsAt: new Date(), durationMinutes: 60 }, recipients: [person], now: new Date() }),
    );
    return id!;
  };
  return { own: await ensure(interviewer), others: await ensure(builder) };
}

export async function notificationTargets(world: World): Promise<Target[]> {
  const ids = await notificationIds(world);
  const intentPoisons = (keep: string) => [
    hostileString.filter((s) => !INTENTS.includes(s.trim())).map((v) => setField("intent", v)),
    fc.constantFrom(setField("intent", keep.toUpperCase()), setField("intent", `${keep}\u0000`), dropField("intent"), repeatField("intent")),
  ];
  return [
    {
      // Poisons: no id, a blank or oversize one, someone else's (404: not in your inbox), an unknown one, the intent changed.
      name: "mark a notification read (inbox)",
      route: "routes/inbox",
      url: "/inbox",
      params: {},
      persona: "interviewer",
      // Anyone else signed in sends the interviewer's id: not in their inbox (404).
      others: ["builder", "admin"],
      input: form(
        [
          ["intent", "read"],
          ["id", ids.own],
        ],
        fc.oneof(
          ...intentPoisons("read"),
          fc.constantFrom(dropField("id"), setField("id", ""), setField("id", "   "), setField("id", ids.others), setField("id", "no-such-notification"), repeatField("id")),
          oversize(65).map((v) => setField("id", v)),
        ),
      ),
    },
    {
      // Poisons: a kind that does not exist, a kind sent twice, the intent changed.
      name: "choose which events come by email (inbox)",
      route: "routes/inbox",
      url: "/inbox",
      params: {},
      persona: "builder",
      // Every signed-in person chooses for themselves: nobody else to refuse.
      others: [],
      input: form(
        [
          ["intent", "email"],
          ["email", NOTIFICATION_KINDS[0]],
        ],
        fc.oneof(...intentPoisons("email"), hostileString.filter((s) => !(NOTIFICATION_KINDS as readonly string[]).includes(s)).map((v) => setField("email", v)), fc.constant(repeatField("email"))),
      ),
    },
  ];
}
