/**
 * The authorisation matrix (issue #11): every loader and action of every route Remix serves,
 * called as every persona on every case, answers what app/domain's rules say (matrix.ts); no
 * action cell writes anything; and nothing a viewer may not see is in any loader data they get
 * (leak-scan.ts). Actions run first, so a refused call that writes is caught before any page
 * has been opened.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { hasPermission } from "~/domain/permissions";
import { sessionCookieFor } from "../helpers/users";
import { buildRequest, describeExpected, type Cell } from "./expectations";
import { rowsChangedBy } from "./fingerprint";
import { describeOutcome, invoke, messageOf } from "./invoke";
import { scanAnswer } from "./leak-scan";
import { ALL_MATRIX as MATRIX } from "./all-routes";
import { prepareMatrix, type MatrixContext } from "./matrix";
import { roleCombinations, signInPersonas } from "./personas";
import { loadRouteManifest, type RouteEntry } from "./routes";
import { collectSecrets, type Secret } from "./secrets";
import { buildWorld } from "./world";

let ctx: MatrixContext;
let manifest: RouteEntry[];
let secrets: Secret[];

const figures = { cells: 0, allowed: 0, denied: 0, signInRedirects: 0, otherRedirects: 0, skipped: 0, fieldsScanned: 0, owedLoopChecks: 0 };

beforeAll(async () => {
  const world = await buildWorld();
  const personas = await signInPersonas(world);
  ctx = await prepareMatrix(world, personas);
  secrets = await collectSecrets(world);
  manifest = await loadRouteManifest();
}, 120_000);

afterAll(() => {
  console.info(
    `Authorisation matrix: ${figures.cells} cells sent — ${figures.allowed} allowed (200, or past the gate to a 400/409), ` +
      `${figures.denied} denied (403/404/409), ${figures.signInRedirects} signed out sent to sign in, ${figures.otherRedirects} other redirects; ` +
      `${figures.skipped} allowed cells not sent (they would succeed); ${figures.fieldsScanned} fields scanned for leaks.`,
  );
});

describe("the route manifest", () => {
  it("has a matrix entry for every route, loader and action Remix serves, and none for a route that is gone", () => {
    // Precondition: the manifest is Remix's, with its resource routes and the catch-all.
    expect(manifest.length).toBeGreaterThan(25);
    for (const id of ["root", "routes/$", "routes/committee.loops[.]csv", "routes/scorecards.$scorecardId.draft", "routes/logout"]) {
      expect(manifest.map((r) => r.id)).toContain(id);
    }
    const missing: string[] = [];
    for (const route of manifest) {
      const entry = MATRIX[route.id];
      if (!entry && (route.loader || route.action)) missing.push(`${route.id} (${route.file}) has no matrix entry`);
      if (route.loader && !entry?.loader) missing.push(`${route.id}: its loader has no matrix cells`);
      if (route.action && !entry?.action) missing.push(`${route.id}: its action has no matrix cells`);
    }
    for (const [id, entry] of Object.entries(MATRIX)) {
      const route = manifest.find((r) => r.id === id);
      if (!route) missing.push(`the matrix has an entry for ${id}, which Remix does not serve`);
      else {
        if (entry.loader && !route.loader) missing.push(`the matrix has loader cells for ${id}, which exports no loader`);
        if (entry.action && !route.action) missing.push(`the matrix has action cells for ${id}, which exports no action`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("knocks as every combination of roles the organisation holds", () => {
    const held = roleCombinations(ctx.world.people);
    const cast = new Set(ctx.personas.flatMap((p) => (p.person ? [[...p.person.roles].sort().join("+")] : [])));
    expect(held.length).toBeGreaterThan(8);
    expect(held.filter((combination) => !cast.has(combination))).toEqual([]);
  });
});

describe("the leak scan", () => {
  it("finds a secret sent to someone who may not see it, and only then", () => {
    const bea = ctx.personas.find((p) => p.key === "builder")!.viewer!;
    const admin = ctx.personas.find((p) => p.key === "admin")!.viewer!;
    const salary = secrets.find((s) => s.kind === "builder pay" && !s.visibleTo(bea) && s.visibleTo(admin))!;
    const words = secrets.find((s) => s.kind === "scorecard" && !s.visibleTo(bea))!;
    expect(salary).toBeDefined();
    expect(words).toBeDefined();
    const body = { rows: [{ pay: salary.value, note: `…${String(words.value).slice(0, 60)}…` }], baseSalary: 1 };
    expect(scanAnswer(bea, body, null, secrets).leaks).toHaveLength(3);
    expect(scanAnswer(admin, body, null, secrets, { payAllowedAt: () => true }).leaks).toEqual([]);
    expect(scanAnswer(bea, `total,${Number(salary.value).toLocaleString("en-US")}\r\n`, "text/plain", secrets).leaks).toHaveLength(1);
  });

  it("has every kind of secret to look for", () => {
    const kinds = new Set(secrets.map((s) => s.kind));
    for (const kind of ["builder pay", "promotion pay", "hiring pay", "band", "candidate contact", "scorecard", "peer statement", "manager assessment", "packet content", "credential"]) {
      expect(kinds, kind).toContain(kind);
    }
  });
});

async function runCells(routeId: string, handler: "loader" | "action"): Promise<string[]> {
  const route = manifest.find((r) => r.id === routeId);
  const fn = route?.[handler];
  if (!fn) return [`${routeId} exports no ${handler}`];
  const cells = MATRIX[routeId]![handler]!(ctx);
  expect(cells.length, `${routeId} ${handler} has cells`).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const cell of cells) problems.push(...(await runCell(cell, fn)).map((p) => `${cell.persona.key} · ${cell.subject}: ${p}`));
  return problems;
}

async function runCell(cell: Cell, fn: NonNullable<RouteEntry["loader"]>): Promise<string[]> {
  const { expected } = cell;
  if (expected.kind === "skipped") {
    figures.skipped += 1;
    return [];
  }
  figures.cells += 1;
  let cookie = cell.persona.cookie;
  let sessionsBefore = 0;
  let signOutsBefore = 0;
  const signOuts = () => prisma.auditEntry.count({ where: { action: "account.sign_out", actorId: cell.persona.person!.id } });
  if (expected.kind === "signs-out") {
    // Its own session, so the persona stays signed in for the other cells.
    cookie = await sessionCookieFor(cell.persona.person!.id, ctx.world.now);
    sessionsBefore = await prisma.session.count({ where: { userId: cell.persona.person!.id } });
    signOutsBefore = await signOuts();
  }
  const { result: outcome, changed } = await rowsChangedBy(() => invoke(fn, buildRequest(cell, cookie), cell.params));
  const got = describeOutcome(outcome);
  const want = describeExpected(expected);
  const problems: string[] = [];
  const mismatch = () => problems.push(`expected ${want}, got ${got} [${cell.persona.label}]`);

  switch (expected.kind) {
    case "allowed":
      figures.allowed += 1;
      if (outcome.status !== 200 || outcome.error) mismatch();
      break;
    case "passes-gate":
      figures.allowed += 1;
      if (!expected.statuses.includes(outcome.status) || outcome.error) mismatch();
      else if (!messageOf(outcome.body)) problems.push(`answered ${outcome.status} without a message`);
      break;
    case "denied":
      figures.denied += 1;
      if (outcome.status !== expected.status) mismatch();
      break;
    case "redirect":
      if (expected.location.startsWith("/login")) figures.signInRedirects += 1;
      else figures.otherRedirects += 1;
      if (outcome.status !== 302 || outcome.headers.get("Location") !== expected.location) mismatch();
      break;
    case "signs-out": {
      figures.allowed += 1;
      const cleared = /^__session=;/.test(outcome.headers.get("Set-Cookie") ?? "");
      const sessionsAfter = await prisma.session.count({ where: { userId: cell.persona.person!.id } });
      if (outcome.status !== 302 || outcome.headers.get("Location") !== "/login" || !cleared || sessionsAfter !== sessionsBefore - 1) mismatch();
      else if ((await signOuts()) !== signOutsBefore + 1) problems.push(`recorded no sign-out in the audit trail [${cell.persona.label}]`);
      break;
    }
  }
  // Nothing is written by an action cell (signing out deletes its one session and writes its audit entry, nothing else).
  if (cell.handler === "action") {
    const allowedChanges = expected.kind === "signs-out" ? 2 : 0;
    if (changed !== allowedChanges) problems.push(`wrote ${changed} row(s) (${got}) [${cell.persona.label}]`);
  }
  if (expected.kind === "allowed" && outcome.status === 200 && !outcome.error) {
    const scan = scanAnswer(cell.persona.viewer, outcome.body, outcome.headers.get("Content-Type"), secrets, cell.scan);
    figures.fieldsScanned += scan.fields;
    if ((cell.scan?.forbid?.length ?? 0) > 0) figures.owedLoopChecks += 1;
    problems.push(...scan.leaks.map((leak) => `leaks ${leak} [${cell.persona.label}]`));
    problems.push(...(cell.check?.(outcome.body) ?? []).map((p) => `${p} [${cell.persona.label}]`));
  }
  return problems;
}

const routesWith = (handler: "loader" | "action") => Object.entries(MATRIX).filter(([, entry]) => entry[handler]).map(([id]) => id);

describe("every action, as every persona: the gate, and nothing written", () => {
  for (const id of routesWith("action")) {
    it(`${id} action`, async () => {
      expect(await runCells(id, "action")).toEqual([]);
    }, 120_000);
  }
});

describe("every loader, as every persona: the gate, and nothing leaked", () => {
  for (const id of routesWith("loader")) {
    it(`${id} loader`, async () => {
      expect(await runCells(id, "loader")).toEqual([]);
    }, 120_000);
  }

  it("checked the committee list and exports of someone who still owes a scorecard", () => {
    // Precondition of the owed-loop checks: Hannah, Ada and others owe scorecards, and read the list.
    const owing = ctx.personas.filter((p) => p.viewer && hasPermission(p.viewer.roles, "read:scorecard:any") && ctx.world.loops.some((l) => {
      const on = ctx.world.onLoop(p.viewer!.id, l.id);
      return on.assignedInterviews > on.submittedScorecards;
    }));
    expect(owing.map((p) => p.key).sort()).toEqual(["admin+interviewer", "hannah"]);
    expect(figures.owedLoopChecks).toBeGreaterThanOrEqual(owing.length * 10);
  });
});
