// A builder's own data export, on the demo organisation: what the app shows them about themself,
// no more (others' packets, the committee's pay analysis) and no less; recorded as a read.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { BUILDER_EXPORT_LEFT_OUT } from "~/domain/builder-export";
import * as exportPage from "~/routes/account.export/route";
import * as exportFile from "~/routes/account.export[.]json";
import * as accountPage from "~/routes/account._index/route";
import { prepareDatabase } from "~/server/startup";
import { getConfig } from "~/utils/env.server";
import { call } from "../helpers/route";
import { sessionCookieFor } from "../helpers/users";

const BEA = "builder@northwind.example";
const LUCAS = "lucas.moreau@northwind.example";
const GRACE = "grace.kim@northwind.example";
const ADMIN = "admin@northwind.example";
const DANIEL = "interviewer@northwind.example";

beforeAll(async () => {
  expect(await prepareDatabase({ ...getConfig(), seedDemo: true }, () => {})).toEqual({ seeded: true });
});

const userOf = (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });
const cookieOf = async (email: string) => sessionCookieFor((await userOf(email)).id);

type Exported = {
  person: { id: string; email: string };
  record: { level: string; pay: { baseSalary: number; currency: string | null } | null; levelHistory: Array<{ level: string; reason: string }>; manager: { name: string } | null };
  packets: Array<{
    id: string;
    status: string;
    summary: string;
    evidence: Array<{ title: string }>;
    peerStatements: Array<{ author: string; text: string }>;
    managerAssessments: Array<{ comment: string }> | null;
    decision: { outcome: string; newBaseSalary: number | null; rationale: string } | null;
  }>;
  projects: Array<{ id: string; title: string; metrics: unknown[]; events: unknown[] | null; checkpoint: unknown; reviews: unknown[] | null; demos: unknown[] }>;
  leftOut: Array<{ what: string; why: string }>;
};

async function exportOf(email: string) {
  const answer = await call(exportFile.loader, { url: "/account/export.json", cookie: await cookieOf(email) });
  return { answer, data: answer.status === 200 ? (JSON.parse(answer.body as string) as Exported) : null };
}

describe("a builder's own export", () => {
  it("is an attachment of their record, packets and projects, recorded as a read of their data", async () => {
    const bea = await userOf(BEA);
    const before = await prisma.auditEntry.count({ where: { action: "builder.export" } });
    const { answer, data } = await exportOf(BEA);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(answer.headers.get("Content-Disposition")).toMatch(/^attachment; filename="builder-ladder-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(answer.headers.get("Cache-Control")).toBe("no-store");

    expect(data!.person).toMatchObject({ id: bea.id, email: BEA });
    const record = await prisma.builder.findUniqueOrThrow({ where: { userId: bea.id }, include: { levelHistory: true } });
    expect(data!.record.level).toBe(record.level);
    expect(data!.record.levelHistory).toHaveLength(record.levelHistory.length);
    // The app shows a builder their own pay (canSeeBuilderPay): so does the export.
    expect(data!.record.pay?.baseSalary).toBe(record.baseSalary);

    // Her packets and nobody else's.
    const ownPackets = await prisma.promotionPacket.findMany({ where: { builderId: bea.id }, select: { id: true } });
    expect(data!.packets.map((p) => p.id).sort()).toEqual(ownPackets.map((p) => p.id).sort());
    const others = await prisma.promotionPacket.findMany({ where: { builderId: { not: bea.id } }, select: { id: true, summary: true } });
    const text = answer.body as string;
    for (const other of others) {
      expect(text).not.toContain(other.id);
      if (other.summary.length > 20) expect(text).not.toContain(other.summary);
    }
    // Her own packet's peers' statements (the builder reads them all) and her manager's assessments.
    const statements = await prisma.peerStatement.findMany({ where: { packet: { builderId: bea.id } } });
    expect(data!.packets.flatMap((p) => p.peerStatements).map((s) => s.text).sort()).toEqual(statements.map((s) => s.text).sort());

    // Her projects with their outcomes, events and demos.
    const ownProjects = await prisma.project.findMany({ where: { ownerId: bea.id }, select: { id: true } });
    expect(data!.projects.map((p) => p.id).sort()).toEqual(ownProjects.map((p) => p.id).sort());
    for (const p of data!.projects) expect(p.events).not.toBeNull();

    expect(data!.leftOut).toEqual(BUILDER_EXPORT_LEFT_OUT);

    const entries = await prisma.auditEntry.findMany({ where: { action: "builder.export" }, orderBy: { seq: "desc" } });
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]).toMatchObject({ kind: "read", actorId: bea.id, subjectUserId: bea.id, recordType: "builder", recordId: bea.id });
    expect(JSON.parse(entries[0]!.detail!)).toEqual({ packets: data!.packets.length, projects: data!.projects.length });
  });

  it("holds a decided packet's decision with its new base (the builder reads it), never the committee's pay analysis", async () => {
    const { data, answer } = await exportOf(LUCAS);
    const decided = data!.packets.find((p) => p.status === "decided");
    expect(decided?.decision).not.toBeNull();
    const stored = await prisma.promotionDecision.findFirstOrThrow({ where: { packet: { builder: { user: { email: LUCAS } } } } });
    expect(decided!.decision!.rationale).toBe(stored.rationale);
    expect(decided!.decision!.newBaseSalary).toBe(stored.newBaseSalary);
    expect(decided!.managerAssessments?.length).toBeGreaterThan(0);
    // The committee's analysis (compa-ratios, bands, the base frozen at submission) is not there.
    for (const key of ["compaRatio", "currentBand", "targetBand", "baseAtSubmission", "targetEquity"]) expect(answer.body as string).not.toContain(`"${key}"`);
  });

  it("leaves out a peer's own statements on a colleague's packet", async () => {
    const grace = await userOf(GRACE);
    const written = await prisma.peerStatement.findMany({ where: { authorId: grace.id, packet: { builderId: { not: grace.id } } } });
    expect(written.length).toBeGreaterThan(0);
    const { answer } = await exportOf(GRACE);
    expect(answer.status).toBe(200);
    for (const s of written) expect(answer.body as string).not.toContain(s.text);
  });
});

describe("someone with no builder record", () => {
  it("gets a page saying there is nothing to export, and 403 for the file, with nothing recorded", async () => {
    for (const email of [ADMIN, DANIEL]) {
      const before = await prisma.auditEntry.count({ where: { action: "builder.export" } });
      const page = await call(exportPage.loader, { url: "/account/export", cookie: await cookieOf(email) });
      expect(page.status).toBe(200);
      expect((page.body as { exportable: unknown }).exportable).toBeNull();
      const { answer } = await exportOf(email);
      expect(answer.status).toBe(403);
      expect((answer.body as { message: string }).message).toMatch(/nothing of yours to export/);
      expect(await prisma.auditEntry.count({ where: { action: "builder.export" } })).toBe(before);
    }
  });

  it("a builder's page offers the download with counts; signed out goes to sign in", async () => {
    const page = await call(exportPage.loader, { url: "/account/export", cookie: await cookieOf(BEA) });
    expect((page.body as { exportable: { packets: number; projects: number } }).exportable).toMatchObject({ packets: expect.any(Number), projects: expect.any(Number) });
    const signedOut = await call(exportFile.loader, { url: "/account/export.json" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toBe("/login?redirectTo=%2Faccount%2Fexport.json");
    // The account page links to it.
    expect(accountPage.default.toString()).toContain("/account/export");
  });
});
