import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { addInterview, createLoop } from "~/data/loops.server";
import { syncRubricFiles } from "~/data/rubrics.server";
import type { Role } from "~/domain/roles";
import * as page from "~/routes/candidates.$candidateId._index/route";
import * as edit from "~/routes/candidates.$candidateId.edit/route";
import * as list from "~/routes/candidates._index/route";
import * as create from "~/routes/candidates.new/route";
import { call } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";
import { actorOf } from "../helpers/actor";

type List = Awaited<ReturnType<typeof list.loader>>;
type Page = Awaited<ReturnType<typeof page.loader>>;
type Failure = { ok: false; fieldErrors: Record<string, string[] | undefined>; formErrors: string[] };

const VALID = {
  name: "  Grace Hopper  ",
  email: "grace.hopper@mail.example",
  source: "product_engineer",
  targetLevel: "L6",
  links: "https://grace.example\n\n  https://github.com/grace-example  \n",
  notes: "Invented the compiler.\nLoves nanoseconds.",
};

async function cookieFor(roles: Role[]) {
  const user = await createUser(roles);
  return sessionCookieFor(user.id);
}

let recruiter: string;

beforeAll(async () => {
  recruiter = await cookieFor(["recruiter"]);
});

async function addCandidate(data: { name: string; email: string; source: string; targetLevel: string; createdAt?: Date }) {
  return prisma.candidate.create({ data });
}

async function listAs(cookie: string, query = "") {
  const answer = await call(list.loader, { url: `/candidates${query}`, cookie });
  expect(answer.status).toBe(200);
  return answer.body as List;
}

describe("creating a candidate", () => {
  it("stores the candidate and redirects a recruiter to their page", async () => {
    const answer = await call(create.action, { url: "/candidates/new", cookie: recruiter, form: VALID });
    expect(answer.status).toBe(302);
    const stored = await prisma.candidate.findFirstOrThrow({ where: { email: VALID.email } });
    expect(answer.headers.get("Location")).toBe(`/candidates/${stored.id}`);
    expect(stored).toMatchObject({
      name: "Grace Hopper",
      source: "product_engineer",
      targetLevel: "L6",
      links: "https://grace.example\nhttps://github.com/grace-example",
      notes: "Invented the compiler.\nLoves nanoseconds.",
    });
  });

  it("records where the data came from and its legal basis, shows them on the page, and refuses consent without its date", async () => {
    const refused = await call(create.action, { url: "/candidates/new", cookie: recruiter, form: { ...VALID, email: "ada@mail.example", legalBasis: "consent" } });
    expect(refused.status).toBe(400);
    expect((refused.body as Failure).fieldErrors.consentGivenOn).toEqual(["Enter the date the candidate gave consent"]);
    expect(await prisma.candidate.count({ where: { email: "ada@mail.example" } })).toBe(0);

    const form = { ...VALID, email: "ada@mail.example", dataOrigin: "referral", dataOriginDetail: "Referred by Grace Kim", legalBasis: "consent", consentGivenOn: "2026-11-02", noticeSentOn: "2026-11-03" };
    const answer = await call(create.action, { url: "/candidates/new", cookie: recruiter, form });
    expect(answer.status).toBe(302);
    const stored = await prisma.candidate.findFirstOrThrow({ where: { email: "ada@mail.example" } });
    expect(stored).toMatchObject({ dataOrigin: "referral", dataOriginDetail: "Referred by Grace Kim", legalBasis: "consent", consentGivenOn: new Date("2026-11-02T00:00:00Z"), noticeSentOn: new Date("2026-11-03T00:00:00Z") });
    const shown = await call(page.loader, { url: `/candidates/${stored.id}`, cookie: recruiter, params: { candidateId: stored.id } });
    expect((shown.body as Page).candidate).toMatchObject({ dataOrigin: "referral", legalBasis: "consent", consentGivenOn: "2026-11-02", noticeSentOn: "2026-11-03" });

    // Moving to another basis drops the consent date: it no longer says anything.
    const edited = await call(edit.action, { url: `/candidates/${stored.id}/edit`, cookie: recruiter, params: { candidateId: stored.id }, form: { ...form, legalBasis: "legitimate_interest" } });
    expect(edited.status).toBe(302);
    expect(await prisma.candidate.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ legalBasis: "legitimate_interest", consentGivenOn: null, noticeSentOn: new Date("2026-11-03T00:00:00Z") });
  });

  it("lets an admin create too, with links and notes left empty", async () => {
    const admin = await cookieFor(["admin"]);
    const { links: _l, notes: _n, ...rest } = VALID;
    const answer = await call(create.action, {
      url: "/candidates/new",
      cookie: admin,
      form: { ...rest, email: "admin-made@mail.example" },
    });
    expect(answer.status).toBe(302);
    expect(await prisma.candidate.findFirstOrThrow({ where: { email: "admin-made@mail.example" } })).toMatchObject({
      links: "",
      notes: "",
    });
  });

  it.each([
    ["a missing name", { name: "   " }, "name", /name/],
    ["a name over 200 characters", { name: "x".repeat(201) }, "name", /200/],
    ["a bad email", { email: "grace-at-example" }, "email", /valid email/],
    ["an unknown source", { source: "headhunter" }, "source", /where the candidate came from/],
    ["level L8", { targetLevel: "L8" }, "targetLevel", /L4 to L7/],
    ["a line in links that is not a web address", { links: "https://ok.example\nnot a url" }, "links", /Line 2 \(“not a url”\)/],
    ["a javascript: link", { links: "javascript:alert(1)" }, "links", /Line 1/],
    ["notes over 5000 characters", { notes: "n".repeat(5001) }, "notes", /5000/],
  ])("rejects %s with 400 and the field's error, writing nothing", async (_label, change, field, message) => {
    const before = await prisma.candidate.count();
    const answer = await call(create.action, { url: "/candidates/new", cookie: recruiter, form: { ...VALID, ...change } });
    expect(answer.status).toBe(400);
    const errors = (answer.body as Failure).fieldErrors[field];
    expect(errors?.[0]).toMatch(message);
    expect(await prisma.candidate.count()).toBe(before);
  });

  it("gives a hiring committee member 403 on the form and when posting", async () => {
    const committee = await cookieFor(["hiring_committee"]);
    expect((await call(create.loader, { url: "/candidates/new", cookie: committee })).status).toBe(403);
    const before = await prisma.candidate.count();
    expect((await call(create.action, { url: "/candidates/new", cookie: committee, form: VALID })).status).toBe(403);
    expect(await prisma.candidate.count()).toBe(before);
  });
});

describe("the candidate list", () => {
  it("is open to recruiters, admins and hiring committees, with the new-candidate button only for managers of candidates", async () => {
    await addCandidate({ name: "Listed Person", email: "listed@mail.example", source: "founder", targetLevel: "L5" });
    expect((await listAs(recruiter)).canManage).toBe(true);
    expect((await listAs(await cookieFor(["admin"]))).canManage).toBe(true);
    const committee = await listAs(await cookieFor(["hiring_committee"]));
    expect(committee.canManage).toBe(false);
    expect(committee.candidates.map((c) => c.name)).toContain("Listed Person");
  });

  it.each([["interviewer"], ["builder"], ["manager"], ["promotion_committee"]] as Array<[Role]>)(
    "answers 403 to a %s",
    async (role) => {
      const answer = await call(list.loader, { url: "/candidates", cookie: await cookieFor([role]) });
      expect(answer.status).toBe(403);
    },
  );

  it("sends someone who is not signed in to sign in, coming back afterwards", async () => {
    const answer = await call(list.loader, { url: "/candidates?q=ana" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/candidates?q=ana" })}`);
    for (const [handler, url] of [
      [create.loader, "/candidates/new"],
      [page.loader, "/candidates/x"],
      [edit.loader, "/candidates/x/edit"],
    ] as const) {
      expect((await call(handler, { url, params: { candidateId: "x" } })).status).toBe(302);
    }
    const posted = await call(create.action, { url: "/candidates/new", form: VALID });
    expect(posted.status).toBe(302);
    expect(posted.headers.get("Location")).toMatch(/^\/login/);
  });

  describe("search and filters", () => {
    beforeAll(async () => {
      const day = (n: number) => new Date(Date.UTC(2026, 0, n));
      await addCandidate({ name: "Zed Filterable", email: "zed@corp.example", source: "founder", targetLevel: "L4", createdAt: day(1) });
      await addCandidate({ name: "Yara Filterable", email: "yara@corp.example", source: "technical_pm", targetLevel: "L6", createdAt: day(2) });
      await addCandidate({ name: "Xavier Other", email: "x.filterable@else.example", source: "founder", targetLevel: "L6", createdAt: day(3) });
      await addCandidate({ name: "Wen 100%_Match", email: "wen@else.example", source: "other", targetLevel: "L7", createdAt: day(4) });
    });

    const names = async (query: string) => (await listAs(recruiter, query)).candidates.map((c) => c.name);

    it("matches part of the name or the email, ignoring case", async () => {
      expect(await names("?q=FILTERABLE")).toEqual(["Xavier Other", "Yara Filterable", "Zed Filterable"]);
      expect(await names("?q=corp.example")).toEqual(["Yara Filterable", "Zed Filterable"]);
      expect(await names("?q=%20yara%20")).toEqual(["Yara Filterable"]);
    });

    it("treats % and _ in the search as plain characters", async () => {
      expect(await names("?q=100%25_")).toEqual(["Wen 100%_Match"]);
      expect(await names("?q=%25")).toEqual(["Wen 100%_Match"]);
      expect(await names("?q=_")).toEqual(["Wen 100%_Match"]);
    });

    it("ignores the case of accented letters too", async () => {
      await addCandidate({ name: "Chloé Accented", email: "chloe.a@mail.example", source: "other", targetLevel: "L4" });
      expect(await names(`?q=${encodeURIComponent("CHLOÉ ACC")}`)).toEqual(["Chloé Accented"]);
      expect(await names(`?q=${encodeURIComponent("chloé acc")}`)).toEqual(["Chloé Accented"]);
    });

    it("filters by source and by target level, together with the search", async () => {
      expect(await names("?q=filterable&source=founder")).toEqual(["Xavier Other", "Zed Filterable"]);
      expect(await names("?q=filterable&level=L6")).toEqual(["Xavier Other", "Yara Filterable"]);
      expect(await names("?q=filterable&source=founder&level=L6")).toEqual(["Xavier Other"]);
      expect(await names("?q=filterable&source=other")).toEqual([]);
    });

    it("returns the filters to show in the form, and ignores unknown filter values", async () => {
      const body = await listAs(recruiter, "?q=filterable&source=headhunter&level=L9");
      expect(body.filters).toEqual({ q: "filterable", source: "", level: "", status: "current" });
      expect(body.filtered).toBe(true);
      expect(body.candidates).toHaveLength(3);
      const all = await listAs(recruiter);
      expect(all.filtered).toBe(false);
      expect(all.candidates.length).toBeGreaterThanOrEqual(4);
    });

    it("lists each row with its email, source, level, loop count and date", async () => {
      const [row] = (await listAs(recruiter, "?q=yara")).candidates;
      expect(row).toMatchObject({
        name: "Yara Filterable",
        email: "yara@corp.example",
        source: "technical_pm",
        targetLevel: "L6",
        loopCount: 0,
        createdAt: new Date(Date.UTC(2026, 0, 2)),
      });
    });
  });
});

describe("a candidate's page", () => {
  it("shows the candidate's fields, with links split into lines, to a hiring committee member", async () => {
    const stored = await prisma.candidate.create({
      data: { ...VALID, name: "Page Person", email: "page@mail.example", links: "https://a.example\nhttps://b.example" },
    });
    const committee = await cookieFor(["hiring_committee"]);
    const answer = await call(page.loader, { url: `/candidates/${stored.id}`, cookie: committee, params: { candidateId: stored.id } });
    expect(answer.status).toBe(200);
    const body = answer.body as Page;
    expect(body.candidate).toMatchObject({
      name: "Page Person",
      email: "page@mail.example",
      links: ["https://a.example", "https://b.example"],
      notes: VALID.notes,
    });
    expect(body).toMatchObject({ loops: [], canEdit: false, canStartLoop: false });
  });

  it("offers editing and starting a loop to a recruiter", async () => {
    const stored = await addCandidate({ name: "Recruited", email: "r@mail.example", source: "other", targetLevel: "L4" });
    const answer = await call(page.loader, { url: `/candidates/${stored.id}`, cookie: recruiter, params: { candidateId: stored.id } });
    expect(answer.body).toMatchObject({ canEdit: true, canStartLoop: true });
  });

  it("shows each loop with its rubric version and every stage's status", async () => {
    const now = new Date();
    await syncRubricFiles(now);
    const creator = await createUser(["recruiter"]);
    const interviewer = await createUser(["interviewer"]);
    const stored = await addCandidate({ name: "Looped", email: "looped@mail.example", source: "founder", targetLevel: "L5" });
    const loopId = await createLoop({ candidateId: stored.id, track: "builder", targetLevel: "L5", actor: actorOf(creator), now });
    const version = await prisma.rubricVersion.findFirstOrThrow({ where: { loops: { some: { id: loopId } } } });
    const stages = (JSON.parse(version.content) as { stages: Array<{ id: string; name: string }> }).stages;
    await addInterview({
      loopId,
      stageId: stages[0]!.id,
      startsAt: new Date(now.getTime() + 86_400_000),
      durationMinutes: 60,
      interviewerIds: [interviewer.id],
      actor: actorOf(creator),
      now,
    });

    const answer = await call(page.loader, { url: `/candidates/${stored.id}`, cookie: recruiter, params: { candidateId: stored.id } });
    const body = answer.body as Page;
    expect(body.loops).toHaveLength(1);
    const [loop] = body.loops;
    expect(loop).toMatchObject({ id: loopId, track: "builder", version: version.version, targetLevel: "L5", complete: false });
    expect(loop!.stages.map((s) => [s.name, s.statusLabel])).toEqual(
      stages.map((s, i) => [s.name, i === 0 ? "Scheduled" : "Not scheduled"]),
    );
    // The rubric itself stays on the server.
    expect(JSON.stringify(body)).not.toContain("competencies");

    const listed = (await listAs(recruiter, "?q=looped")).candidates;
    expect(listed.map((c) => c.loopCount)).toEqual([1]);
  });

  it("answers 404 for an unknown candidate", async () => {
    const params = { candidateId: "no-such-candidate" };
    expect((await call(page.loader, { url: "/candidates/no-such-candidate", cookie: recruiter, params })).status).toBe(404);
    expect((await call(edit.loader, { url: "/candidates/no-such-candidate/edit", cookie: recruiter, params })).status).toBe(404);
    const posted = await call(edit.action, { url: "/candidates/no-such-candidate/edit", cookie: recruiter, params, form: VALID });
    expect(posted.status).toBe(404);
  });

  it("refuses interviewers and builders", async () => {
    const stored = await addCandidate({ name: "Hidden", email: "h@mail.example", source: "other", targetLevel: "L4" });
    for (const role of ["interviewer", "builder"] as const) {
      const answer = await call(page.loader, {
        url: `/candidates/${stored.id}`,
        cookie: await cookieFor([role]),
        params: { candidateId: stored.id },
      });
      expect(answer.status).toBe(403);
    }
  });
});

describe("editing a candidate", () => {
  it("prefills the form, saves the changes and redirects back to the page", async () => {
    const stored = await prisma.candidate.create({
      data: { ...VALID, name: "Before Edit", email: "before@mail.example", updatedAt: new Date(Date.UTC(2026, 0, 1)) },
    });
    const params = { candidateId: stored.id };
    const loaded = await call(edit.loader, { url: `/candidates/${stored.id}/edit`, cookie: recruiter, params });
    expect(loaded.status).toBe(200);
    expect((loaded.body as Awaited<ReturnType<typeof edit.loader>>).candidate).toMatchObject({
      name: "Before Edit",
      targetLevel: "L6",
    });

    const answer = await call(edit.action, {
      url: `/candidates/${stored.id}/edit`,
      cookie: recruiter,
      params,
      form: { ...VALID, name: "After Edit", email: "after@mail.example", targetLevel: "L7", links: "", notes: "" },
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/candidates/${stored.id}`);
    const updated = await prisma.candidate.findUniqueOrThrow({ where: { id: stored.id } });
    expect(updated).toMatchObject({ name: "After Edit", email: "after@mail.example", targetLevel: "L7", links: "", notes: "" });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(stored.updatedAt.getTime());
  });

  it("rejects an invalid edit with 400 and changes nothing", async () => {
    const stored = await addCandidate({ name: "Unchanged", email: "same@mail.example", source: "founder", targetLevel: "L5" });
    const answer = await call(edit.action, {
      url: `/candidates/${stored.id}/edit`,
      cookie: recruiter,
      params: { candidateId: stored.id },
      form: { ...VALID, targetLevel: "L8" },
    });
    expect(answer.status).toBe(400);
    expect((answer.body as Failure).fieldErrors.targetLevel).toBeDefined();
    expect(await prisma.candidate.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      name: "Unchanged",
      targetLevel: "L5",
    });
  });

  it("gives a hiring committee member 403 on the form and when posting", async () => {
    const stored = await addCandidate({ name: "Committee Viewed", email: "cv@mail.example", source: "founder", targetLevel: "L5" });
    const committee = await cookieFor(["hiring_committee"]);
    const params = { candidateId: stored.id };
    expect((await call(edit.loader, { url: `/candidates/${stored.id}/edit`, cookie: committee, params })).status).toBe(403);
    const posted = await call(edit.action, {
      url: `/candidates/${stored.id}/edit`,
      cookie: committee,
      params,
      form: { ...VALID, name: "Hijacked" },
    });
    expect(posted.status).toBe(403);
    expect((await prisma.candidate.findUniqueOrThrow({ where: { id: stored.id } })).name).toBe("Committee Viewed");
  });
});
