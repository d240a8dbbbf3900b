/**
 * The admin's audit trail page (/admin/audit) and its exports, and a person's own "who read my
 * data" page (/account/reads): who may open them, the filters (an invalid one is a 400 with field
 * errors that reads and records nothing), paging newest first, names (an erased candidate is not
 * named), the exports' CSV safety, and that looking and exporting are themselves recorded.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { allAuditEntries } from "~/data/audit-log.server";
import { recordChange, recordRead, SYSTEM_ACTOR, type AuditActor } from "~/data/audit.server";
import * as auditPage from "~/routes/admin.audit/route";
import * as auditCsv from "~/routes/admin.audit[.]csv";
import * as auditJson from "~/routes/admin.audit[.]json";
import * as readsPage from "~/routes/account.reads/route";
import { parseCsv } from "../helpers/csv";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";
import { rowsChangedBy } from "../security/fingerprint";

type PageData = Extract<Awaited<ReturnType<typeof auditPage.loader>>, { ok: true }>;
type Failure = { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[]; entries: unknown[] };
type ReadsData = Awaited<ReturnType<typeof readsPage.loader>>;

const ADDRESS = "192.0.2.44";
const day = (d: number, h = 9) => new Date(Date.UTC(2026, 10, d, h));

let admin: { id: string };
let adminCookie: string;
let recruiter: AuditActor;
let bea: { id: string };
let beaCookie: string;
let manager: AuditActor;
let kept: string;
let erased: string;

async function change(actor: AuditActor, record: Parameters<typeof recordChange>[2], at: Date) {
  await prisma.$transaction((tx) => recordChange(tx, actor, record, at));
}

beforeAll(async () => {
  admin = await createUser(["admin"], { name: "Ada Admin" });
  adminCookie = await sessionCookieFor(admin.id);
  const r = await createUser(["recruiter"], { name: "Rita Recruiter" });
  recruiter = { userId: r.id, address: "203.0.113.7" };
  bea = await createUser(["builder"], { name: "Bea Builder" });
  beaCookie = await sessionCookieFor(bea.id);
  const m = await createUser(["manager"], { name: "Marcus Manager" });
  manager = { userId: m.id, address: "198.51.100.9" };
  kept = (await prisma.candidate.create({ data: { name: "Kwame Asante", email: "kwame@mail.example", source: "referral", targetLevel: "L4" } })).id;
  erased = (await prisma.candidate.create({ data: { name: "Erased", email: "erased@erased.invalid", source: "other", targetLevel: "L4", erasedAt: day(20) } })).id;

  await change(recruiter, { action: "candidate.create", recordType: "candidate", recordId: kept, candidateId: kept, detail: { fields: ["name"] } }, day(1));
  await change(recruiter, { action: "candidate.update", recordType: "candidate", recordId: erased, candidateId: erased, reason: "=HYPERLINK(\"http://evil.example\")" }, day(2));
  await recordRead(manager, { action: "builder.read", recordType: "builder", recordId: bea.id, subjectUserId: bea.id }, day(3));
  await recordRead({ userId: bea.id, address: "203.0.113.8" }, { action: "packet.read", recordType: "packet", recordId: "packet-bea", subjectUserId: bea.id }, day(4));
  await recordRead(manager, { action: "packet.read", recordType: "packet", recordId: "packet-bea", subjectUserId: bea.id }, day(5));
  await recordRead(recruiter, { action: "builder.read", recordType: "builder", recordId: manager.userId!, subjectUserId: manager.userId }, day(6));
  await recordRead(SYSTEM_ACTOR, { action: "candidate.read", recordType: "candidate", recordId: kept, candidateId: kept }, day(7));
});

const page = async (query = "", cookie: string | null = adminCookie) => call(auditPage.loader, { url: `/admin/audit${query}`, cookie, address: ADDRESS });

describe("the audit trail page", () => {
  it("is for admins only: others get 403, the signed-out the sign-in page", async () => {
    for (const roles of [["recruiter"], ["manager"], ["builder"], ["hiring_committee"], ["promotion_committee"], ["interviewer"]] as const) {
      const someone = await createUser([...roles]);
      const answer = await page("", await sessionCookieFor(someone.id));
      expect(answer.status, roles.join()).toBe(403);
    }
    const out = await page("?kind=read", null);
    expect(out.status).toBe(302);
    expect(out.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/admin/audit?kind=read" })}`);
  });

  it("lists entries newest first with who, from where, what, whose data, reason and detail; an erased candidate is not named", async () => {
    const answer = await page("?kind=change");
    expect(answer.status).toBe(200);
    const data = answer.body as PageData;
    expect(data.entries.map((e) => [e.seq, e.actor, e.address, e.kind, e.action, e.whose, e.reason, e.detail])).toEqual([
      [2, "Rita Recruiter", "203.0.113.7", "change", "candidate.update", "Erased candidate", '=HYPERLINK("http://evil.example")', null],
      [1, "Rita Recruiter", "203.0.113.7", "change", "candidate.create", "Kwame Asante", null, '{"fields":["name"]}'],
    ]);
    expect(data.entries[1]!.record).toBe(`candidate ${kept}`);
    expect(JSON.stringify(data)).not.toContain("erased@erased.invalid");
  });

  it("shows the system as System and the person whose data was read", async () => {
    const data = (await page("?kind=read&action=builder.read")).body as PageData;
    expect(data.entries.map((e) => [e.actor, e.whose])).toEqual([
      ["Rita Recruiter", "Marcus Manager"],
      ["Marcus Manager", "Bea Builder"],
    ]);
    const system = (await page("?actor=system")).body as PageData;
    expect(system.entries.map((e) => [e.actor, e.address, e.action])).toEqual([["System", null, "candidate.read"]]);
  });

  it("records each look as audit.read, by the admin from their address, with the filters", async () => {
    const before = await prisma.auditEntry.count();
    await page("?kind=read&from=2026-11-03");
    const entry = await prisma.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(await prisma.auditEntry.count()).toBe(before + 1);
    expect([entry.kind, entry.action, entry.actorId, entry.address, entry.recordType]).toEqual(["read", "audit.read", admin.id, ADDRESS, "audit"]);
    expect(JSON.parse(entry.detail!)).toMatchObject({ filters: { kind: "read", from: "2026-11-03" }, page: 1 });
  });

  it("filters by person, record, action, kind and period (UTC days, both ends included)", async () => {
    const seqs = async (query: string) => ((await page(query)).body as PageData).entries.map((e) => e.seq);
    expect(await seqs(`?actor=${manager.userId}`)).toEqual([5, 3]);
    expect(await seqs(`?recordType=candidate&recordId=${kept}`)).toEqual([7, 1]);
    expect(await seqs(`?recordId=packet-bea`)).toEqual([5, 4]);
    expect(await seqs(`?action=packet.read&actor=${bea.id}`)).toEqual([4]);
    expect(await seqs("?from=2026-11-03&to=2026-11-05&kind=read")).toEqual([5, 4, 3]);
    expect(await seqs("?from=2026-11-02&to=2026-11-02")).toEqual([2]);
    expect(await seqs(`?actor=${manager.userId}&kind=change`)).toEqual([]);
    expect(await seqs("?actor=no-such-person")).toEqual([]);
  });

  it("pages fifty at a time, newest first", async () => {
    for (let i = 0; i < 60; i += 1) await change(SYSTEM_ACTOR, { action: "paging.test", recordType: "paging", recordId: `p${i}` }, day(10));
    const first = (await page("?action=paging.test")).body as PageData;
    const second = (await page("?action=paging.test&page=2")).body as PageData;
    const third = (await page("?action=paging.test&page=3")).body as PageData;
    expect([first.total, first.pages, first.entries.length, second.entries.length, third.entries.length]).toEqual([60, 2, 50, 10, 0]);
    expect(first.entries[0]!.record).toBe("paging p59");
    expect(second.entries.at(-1)!.record).toBe("paging p0");
    expect(first.search).toBe("action=paging.test");
    // The exports read every match a batch at a time: the batches join up, newest first.
    const all = await allAuditEntries({ action: "paging.test", page: 1 }, 7);
    expect(all.map((e) => e.recordId)).toEqual(Array.from({ length: 60 }, (_, i) => `p${59 - i}`));
  });

  it("shows the count and head always, and verifies the whole chain on asking", async () => {
    const quick = (await page()).body as PageData;
    expect(quick.verification).toBeNull();
    expect(quick.head.entries).toBeGreaterThan(7);
    const asked = (await page("?verify=1")).body as PageData;
    expect(asked.verification).toMatchObject({ broken: null });
    expect(asked.verification!.entries).toBeGreaterThan(7);
  });
});

describe("invalid filters", () => {
  it.each([
    ["kind=write", "kind"],
    ["kind=read&kind=change", "kind"],
    ["from=2026-02-30", "from"],
    ["from=yesterday", "from"],
    ["to=2026-13-01", "to"],
    ["from=2026-11-05&to=2026-11-01", "to"],
    ["page=0", "page"],
    ["page=abc", "page"],
    ["page=1.5", "page"],
    ["page=99999999999", "page"],
    ["action=DROP TABLE AuditEntry", "action"],
    ["action=candidate", "action"],
    [`action=${"a.".repeat(60)}b`, "action"],
    ["recordType=Candidate", "recordType"],
    ["recordId=x%00y", "recordId"],
    [`recordId=${"x".repeat(101)}`, "recordId"],
    ["actor=%27%20OR%201%3D1", "actor"],
    ["actor=a%20b", "actor"],
  ])("?%s is a 400 with an error beside %s, reading and recording nothing", async (query, field) => {
    for (const loader of [auditPage.loader, auditCsv.loader, auditJson.loader]) {
      const before = await prisma.auditEntry.count();
      const { result: answer, changed } = await rowsChangedBy(() => call(loader, { url: `/admin/audit?${query}`, cookie: adminCookie }));
      expect(answer.status).toBe(400);
      const body = answer.body as Failure;
      expect(body.fieldErrors[field]?.[0], JSON.stringify(body)).toEqual(expect.any(String));
      if (loader === auditPage.loader) expect(body.entries).toEqual([]);
      expect(changed).toBe(0);
      expect(await prisma.auditEntry.count()).toBe(before);
    }
  });

  it("an empty field is no filter, and other parameters are left alone", async () => {
    const answer = await page("?kind=&from=&actor=&bom=1&utm=x&recordId=__proto__");
    expect(answer.status).toBe(200);
  });
});

describe("the exports", () => {
  it("CSV: the filtered entries, newest first, formula-safe, and the export is recorded as audit.export", async () => {
    const before = await prisma.auditEntry.count();
    const answer = await call(auditCsv.loader, { url: "/admin/audit.csv?kind=change&recordType=candidate", cookie: adminCookie, address: ADDRESS });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("Content-Disposition")).toMatch(/^attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}-filtered\.csv"$/);
    const [header, ...rows] = parseCsv(answer.body as string);
    expect(header).toEqual(["seq", "at", "kind", "actor_id", "actor", "address", "action", "record_type", "record_id", "candidate_id", "subject_user_id", "whose_data", "reason", "detail", "erased_at"]);
    expect(rows.map((r) => [r[0], r[4], r[6], r[11], r[12]])).toEqual([
      ["2", "Rita Recruiter", "candidate.update", "Erased candidate", "'=HYPERLINK(\"http://evil.example\")"],
      ["1", "Rita Recruiter", "candidate.create", "Kwame Asante", ""],
    ]);
    const entry = await prisma.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(await prisma.auditEntry.count()).toBe(before + 1);
    expect([entry.kind, entry.action, entry.actorId, entry.address]).toEqual(["read", "audit.export", admin.id, ADDRESS]);
    expect(JSON.parse(entry.detail!)).toEqual({ format: "csv", filters: { kind: "change", recordType: "candidate" }, entries: 2 });
  });

  it("JSON: raw values, the same entries", async () => {
    const answer = await call(auditJson.loader, { url: "/admin/audit.json?kind=change&recordType=candidate", cookie: adminCookie });
    expect(answer.status).toBe(200);
    const records = JSON.parse(answer.body as string) as Array<Record<string, unknown>>;
    expect(records.map((r) => [r.seq, r.actor, r.reason, r.whose_data])).toEqual([
      [2, "Rita Recruiter", '=HYPERLINK("http://evil.example")', "Erased candidate"],
      [1, "Rita Recruiter", null, "Kwame Asante"],
    ]);
    const entry = await prisma.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect([entry.action, JSON.parse(entry.detail!).format]).toEqual(["audit.export", "json"]);
  });

  it("are for admins only", async () => {
    const someone = await createUser(["recruiter", "hiring_committee", "promotion_committee", "manager"]);
    for (const loader of [auditCsv.loader, auditJson.loader]) {
      expect((await call(loader, { url: "/admin/audit.csv", cookie: await sessionCookieFor(someone.id) })).status).toBe(403);
      expect((await call(loader, { url: "/admin/audit.csv" })).status).toBe(302);
    }
  });
});

describe("who read my data (/account/reads)", () => {
  it("lists reads of one's own data by other people, newest first, never one's own, nobody else's", async () => {
    const answer = await call(readsPage.loader, { url: "/account/reads", cookie: beaCookie });
    expect(answer.status).toBe(200);
    const data = answer.body as ReadsData;
    expect(data.reads.map((r) => [r.reader, r.what, r.link])).toEqual([
      ["Marcus Manager", "Your promotion packet", "/packets/packet-bea"],
      ["Marcus Manager", "Your builder record", `/builders/${bea.id}`],
    ]);
    expect(data.total).toBe(2);
  });

  it("is open to every signed-in person, showing only their own", async () => {
    const marcusCookie = await sessionCookieFor(manager.userId!);
    const data = (await call(readsPage.loader, { url: "/account/reads", cookie: marcusCookie })).body as ReadsData;
    expect(data.reads.map((r) => [r.reader, r.what])).toEqual([["Rita Recruiter", "Your builder record"]]);
    const nobody = await createUser(["interviewer"]);
    const empty = (await call(readsPage.loader, { url: "/account/reads?page=abc", cookie: await sessionCookieFor(nobody.id) })).body as ReadsData;
    expect([empty.reads, empty.page]).toEqual([[], 1]);
    expect((await call(readsPage.loader, { url: "/account/reads" })).status).toBe(302);
  });

  it("pages, and names the system when it read", async () => {
    for (let i = 0; i < 55; i += 1) await recordRead(SYSTEM_ACTOR, { action: "builder.read", recordType: "builder", recordId: bea.id, subjectUserId: bea.id, detail: { pay: true } }, day(12));
    const first = (await call(readsPage.loader, { url: "/account/reads", cookie: beaCookie })).body as ReadsData;
    const second = (await call(readsPage.loader, { url: "/account/reads?page=2", cookie: beaCookie })).body as ReadsData;
    expect([first.total, first.pages, first.reads.length, second.reads.length]).toEqual([57, 2, 50, 7]);
    expect(first.reads[0]).toMatchObject({ reader: "The system", what: "Your builder record, with your pay" });
    expect(second.reads.at(-1)).toMatchObject({ reader: "Marcus Manager", what: "Your builder record" });
  });
});
