import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { hasPermission } from "~/domain/permissions";
import type { Role } from "~/domain/roles";
import * as loopPage from "~/routes/loops.$loopId._index/route";
import * as scorecardPage from "~/routes/interviews.$interviewId.scorecard/route";
import * as calendar from "~/routes/interviews.$interviewId.calendar[.]ics";
import { prepareDatabase } from "~/server/startup";
import { getConfig } from "~/utils/env.server";
import { call } from "../helpers/route";
import { sessionCookieFor } from "../helpers/users";

// An interviewer has no candidate permission: what the loop's pages send them carries the
// candidate's name, never their contact data (email, links, notes), even where the page hides it.
let candidate: { email: string; links: string; notes: string };
let loopId: string;
let interviewId: string;
let interviewer: { id: string; roles: Role[] };

beforeAll(async () => {
  expect(await prepareDatabase({ ...getConfig(), seedDemo: true }, () => {})).toEqual({ seeded: true });
  const chloe = await prisma.candidate.findFirstOrThrow({ where: { email: "chloe.dubois@mail.example" }, include: { loops: true } });
  candidate = chloe;
  loopId = chloe.loops[0]!.id;
  const daniel = await prisma.user.findUniqueOrThrow({ where: { email: "interviewer@northwind.example" }, include: { roles: true } });
  interviewer = { id: daniel.id, roles: daniel.roles.map((r) => r.role as Role) };
  const interview = await prisma.interview.findFirstOrThrow({ where: { loopId, assignments: { some: { interviewerId: daniel.id } } } });
  interviewId = interview.id;
});

const contact = () => [candidate.email, ...candidate.links.split("\n").filter(Boolean), candidate.notes];

describe("candidate contact data and interviewers", () => {
  it("is not sent by the loop page, its calendar file or the scorecard page to an assigned interviewer", async () => {
    expect(hasPermission(interviewer.roles, "read:candidate:any")).toBe(false);
    const cookie = await sessionCookieFor(interviewer.id);
    const answers = [
      await call(loopPage.loader, { url: `/loops/${loopId}`, cookie, params: { loopId } }),
      await call(scorecardPage.loader, { url: `/interviews/${interviewId}/scorecard`, cookie, params: { interviewId } }),
      await call(calendar.loader, { url: `/interviews/${interviewId}/calendar.ics`, cookie, params: { interviewId } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const sent = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
      expect(sent).toContain("Chlo");
      for (const value of contact()) expect(sent).not.toContain(value);
    }
  });
});
