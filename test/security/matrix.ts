/**
 * The authorisation matrix: for every route's loader and action, every persona and every case
 * (each object of the organisation, in each relation to the persona, and an id that does not
 * exist), what the answer must be, decided by app/domain's rules from the case's facts.
 *
 * One entry per route id of the manifest (routes.ts); matrix.test.ts fails on a route, a loader
 * or an action without one. The comment of each entry says in which order its code checks (for
 * example, whether an unknown id answers 404 before or after the permission check).
 */
import { findPacket } from "~/data/packets.server";
import { canDecideHire, committeeAudience } from "~/domain/committee";
import { loopAccess } from "~/domain/loop-access";
import { canReadBuilderRecord, canSeeBuilderPay, hasPermission, type Permission, type Viewer } from "~/domain/permissions";
import { canStartPacket, PACKET_FORM_RIGHTS, PACKET_FORMS, packetAccess, type PacketForm } from "~/domain/promotion/access";
import { submissionProblems, targetCriteria } from "~/domain/promotion/snapshot";
import { canReadScorecard, owesScorecardsOnLoop } from "~/domain/scorecard/visibility";
import { canCurateDemos, canStartProject, PROJECT_ACTION_PARTIES, projectAccess, relationTo } from "~/domain/project/access";
import { canEditContent } from "~/domain/project/workflow";
import {
  ALLOWED,
  BAD_BODY,
  CONFLICT,
  FORBIDDEN,
  NOT_FOUND,
  allowedFor,
  toLogin,
  type Body,
  type Cell,
  type Expected,
} from "./expectations";
import type { Path, ScanRules } from "./leak-scan";
import type { Persona } from "./personas";
import type { LoopFacts, ProjectFacts, World } from "./world";

export type MatrixContext = {
  world: World;
  personas: Persona[];
  /** Why each packet cannot be submitted yet (empty when it could be). */
  submissionProblems: Map<string, string[]>;
};

export type Maker = (ctx: MatrixContext) => Cell[];
export type MatrixEntry = { loader?: Maker; action?: Maker };

export type Decision = { expected: Expected; scan?: ScanRules; check?: Cell["check"] };
export type Base = { route: string; handler: "loader" | "action"; subject: string; url: string; params?: Record<string, string>; body?: Body };

export const UNKNOWN = "no-such-id";

/** One cell per persona: signed out gets `signedOut` (the sign-in redirect unless said otherwise). */
export function cellsFor(ctx: MatrixContext, base: Base, decide: (viewer: Viewer) => Decision, signedOut: Expected = toLogin(base.url)): Cell[] {
  return ctx.personas.map((persona) => ({
    ...base,
    params: base.params ?? {},
    persona,
    ...(persona.viewer ? decide(persona.viewer) : { expected: signedOut }),
  }));
}

export const can = (viewer: Viewer, permission: Permission) => hasPermission(viewer.roles, permission);

/** A route behind one permission (requireUserWithPermission) and nothing else. */
export function gated(route: string, handler: "loader" | "action", permission: Permission, url: string, params: Record<string, string> = {}, extra?: (v: Viewer) => Omit<Decision, "expected">): Maker {
  return (ctx) =>
    cellsFor(ctx, { route, handler, subject: `${permission}`, url, params }, (v) =>
      can(v, permission) ? { expected: allowedFor(handler), ...extra?.(v) } : { expected: FORBIDDEN },
    );
}

export const nameOf = (world: World, id: string) => world.people.find((p) => p.id === id)?.name ?? id;
const first = (path: Path) => path[0];

/** Loops this viewer still owes a scorecard on: left out of the committee list and its exports. */
function owedLoops(world: World, viewer: Viewer): ScanRules["forbid"] {
  return world.loops
    .filter((loop) => owesScorecardsOnLoop(world.onLoop(viewer.id, loop.id)))
    .map((loop) => ({ kind: "owed loop", source: `${loop.candidateName}'s loop, where the viewer still owes a scorecard`, value: loop.id }));
}

/**
 * The committee list and its exports, with the default filter (loops in review) and with every
 * loop (`?status=all`). With every loop, each loop the viewer does not owe on must be there (for
 * the scorecard exports: each with a submitted scorecard), so the owed-loop scan is not vacuous.
 */
function committeeListing(route: string, url: string, rowsOf: "loops" | "scorecards"): Maker {
  return (ctx) =>
    ["", "?status=all"].flatMap((query) =>
      cellsFor(ctx, { route, handler: "loader", subject: `the hiring committee's loops${query ? " (all)" : " (in review)"}`, url: url + query }, (v) => {
        if (!can(v, "read:scorecard:any")) return { expected: FORBIDDEN };
        const forbid = owedLoops(ctx.world, v);
        const owed = new Set(forbid?.map((f) => f.value));
        const listed = ctx.world.loops.filter(
          (l) => !owed.has(l.id) && (rowsOf === "loops" || ctx.world.scorecards.some((s) => s.loopId === l.id && s.status === "submitted")),
        );
        return {
          expected: ALLOWED,
          scan: { forbid },
          check: query
            ? (data) => {
                const text = typeof data === "string" ? data : JSON.stringify(data);
                return listed.filter((l) => !text.includes(l.id)).map((l) => `${l.candidateName}'s loop is missing from the list of every loop`);
              }
            : undefined,
        };
      }),
    );
}

/** Cells for each loop of the world and for an unknown loop id. */
export function perLoop(ctx: MatrixContext, make: (loop: LoopFacts | null) => Cell[]): Cell[] {
  return [...ctx.world.loops.map((l) => make(l)), make(null)].flat();
}

/** Cells for each project of the world and for an unknown project id. */
export function perProject(ctx: MatrixContext, make: (project: ProjectFacts | null, projectId: string) => Cell[]): Cell[] {
  return [...ctx.world.projects, null].flatMap((p) => make(p, p?.id ?? UNKNOWN));
}

const projectSubject = (p: ProjectFacts | null) => (p ? `${p.ownerName}'s ${p.parties.status} project "${p.title}"` : "an unknown project");

/** Whether this viewer is a builder whose track's current rubric version has a project process. */
function startsProjects(ctx: MatrixContext, v: Viewer): "yes" | "not-a-builder" | "no-process" {
  if (!canStartProject(v)) return "not-a-builder";
  const record = ctx.world.builders.find((b) => b.userId === v.id);
  if (!record) return "not-a-builder";
  return record.keepsProjectLog ? "yes" : "no-process";
}

export const MATRIX: Record<string, MatrixEntry> = {
  // getUser only: everyone, signed out included, gets the shell's data.
  root: {
    loader: (ctx) => cellsFor(ctx, { route: "root", handler: "loader", subject: "the app shell", url: "/" }, () => ({ expected: ALLOWED }), ALLOWED),
  },

  // requireUser; each panel is loaded only for the roles that read it.
  "routes/_index": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/_index", handler: "loader", subject: "home", url: "/" }, () => ({ expected: ALLOWED })),
  },

  // requireUser: every signed-in person's own account, nobody else's (it takes no id).
  "routes/account._index": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/account._index", handler: "loader", subject: "one's own account", url: "/account" }, () => ({ expected: ALLOWED })),
  },

  // requireUserForPasswordChange (also while the password must change), then the form's schema
  // before the current password is checked: an empty form is a 400 and records no attempt.
  "routes/account.password": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/account.password", handler: "loader", subject: "one's own password page", url: "/account/password" }, () => ({ expected: ALLOWED })),
    action: (ctx) => cellsFor(ctx, { route: "routes/account.password", handler: "action", subject: "an empty change-password form", url: "/account/password" }, () => ({ expected: BAD_BODY })),
  },

  // GET goes to the account page. POST ends every session of the signed-in person: not sent here,
  // since the persona's own session would end with it (test/integration/account.test.ts covers it).
  "routes/account.sign-out-everywhere": {
    loader: (ctx) =>
      cellsFor(ctx, { route: "routes/account.sign-out-everywhere", handler: "loader", subject: "sign out everywhere by GET", url: "/account/sign-out-everywhere" }, () => ({ expected: { kind: "redirect", location: "/account" } }), {
        kind: "redirect",
        location: "/account",
      }),
    action: (ctx) =>
      cellsFor(ctx, { route: "routes/account.sign-out-everywhere", handler: "action", subject: "sign out everywhere", url: "/account/sign-out-everywhere" }, () => ({
        expected: { kind: "skipped", why: "it would end the persona's own session, which the other cells use" },
      })),
  },

  // The catch-all answers 404 to everyone, signed in or not, before anything else.
  "routes/$": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/$", handler: "loader", subject: "an unknown address", url: "/no/such/page", params: { "*": "no/such/page" } }, () => ({ expected: NOT_FOUND }), NOT_FOUND),
    action: (ctx) => cellsFor(ctx, { route: "routes/$", handler: "action", subject: "an unknown address", url: "/no/such/page", params: { "*": "no/such/page" } }, () => ({ expected: NOT_FOUND }), NOT_FOUND),
  },

  "routes/admin.users": {
    loader: gated("routes/admin.users", "loader", "manage:user:any", "/admin/users"),
    action: gated("routes/admin.users", "action", "manage:user:any", "/admin/users"),
  },

  // requireUser → the builder (404) → canReadBuilderRecord (403). Pay only where canSeeBuilderPay.
  "routes/builders.$userId": {
    loader: (ctx) =>
      [...ctx.world.builders, null].flatMap((b) => {
        const userId = b?.userId ?? UNKNOWN;
        const base: Base = { route: "routes/builders.$userId", handler: "loader", subject: b ? `${b.name}'s record` : "an unknown builder", url: `/builders/${userId}`, params: { userId } };
        return cellsFor(ctx, base, (v) => {
          if (!b) return { expected: NOT_FOUND };
          if (!canReadBuilderRecord(v, b)) return { expected: FORBIDDEN };
          const pay = canSeeBuilderPay(v, b);
          return { expected: ALLOWED, scan: { payAllowedAt: (p) => pay && first(p) === "pay", allow: pay ? b.band : [] } };
        });
      }),
    // requireUser → the builder (404) → canStartPacket (403) → the form's intent (400).
    action: (ctx) =>
      [...ctx.world.builders, null].flatMap((b) => {
        const userId = b?.userId ?? UNKNOWN;
        const base: Base = { route: "routes/builders.$userId", handler: "action", subject: b ? `start a packet for ${b.name}` : "an unknown builder", url: `/builders/${userId}`, params: { userId } };
        return cellsFor(ctx, base, (v) => ({ expected: !b ? NOT_FOUND : canStartPacket(v, b) ? BAD_BODY : FORBIDDEN }));
      }),
  },

  "routes/candidates._index": {
    loader: gated("routes/candidates._index", "loader", "read:candidate:any", "/candidates"),
  },

  // The permission (403) before the candidate (404).
  "routes/candidates.$candidateId._index": {
    loader: (ctx) => perCandidate(ctx, "routes/candidates.$candidateId._index", "loader", "read:candidate:any", (id) => `/candidates/${id}`),
  },
  "routes/candidates.$candidateId.edit": {
    loader: (ctx) => perCandidate(ctx, "routes/candidates.$candidateId.edit", "loader", "manage:candidate:any", (id) => `/candidates/${id}/edit`),
    action: (ctx) => perCandidate(ctx, "routes/candidates.$candidateId.edit", "action", "manage:candidate:any", (id) => `/candidates/${id}/edit`),
  },
  "routes/candidates.$candidateId.loops.new": {
    loader: (ctx) => perCandidate(ctx, "routes/candidates.$candidateId.loops.new", "loader", "manage:loop:any", (id) => `/candidates/${id}/loops/new`),
    action: (ctx) => perCandidate(ctx, "routes/candidates.$candidateId.loops.new", "action", "manage:loop:any", (id) => `/candidates/${id}/loops/new`),
  },
  // Admins only. The hire's terms carry its pay: for those who read the decision's pay.
  "routes/candidates.$candidateId.onboard": {
    loader: (ctx) =>
      perCandidate(ctx, "routes/candidates.$candidateId.onboard", "loader", "manage:user:any", (id) => `/candidates/${id}/onboard`, (v, candidateId) => {
        const hireLoops = ctx.world.loops.filter((l) => l.candidateId === candidateId && ctx.world.decisions.some((d) => d.loopId === l.id));
        const pay = hireLoops.every((l) => committeeAudience(v, ctx.world.onLoop(v.id, l.id)) === "committee");
        return { payAllowedAt: (p) => pay && first(p) === "hires" };
      }),
    action: (ctx) => perCandidate(ctx, "routes/candidates.$candidateId.onboard", "action", "manage:user:any", (id) => `/candidates/${id}/onboard`),
  },
  "routes/candidates.new": {
    loader: gated("routes/candidates.new", "loader", "manage:candidate:any", "/candidates/new"),
    action: gated("routes/candidates.new", "action", "manage:candidate:any", "/candidates/new"),
  },

  // The hiring committee's list and exports: read:scorecard:any, without the loops the viewer owes on.
  "routes/committee._index": { loader: committeeListing("routes/committee._index", "/committee", "loops") },
  "routes/committee.loops[.]csv": { loader: committeeListing("routes/committee.loops[.]csv", "/committee/loops.csv", "loops") },
  "routes/committee.loops[.]json": { loader: committeeListing("routes/committee.loops[.]json", "/committee/loops.json", "loops") },
  "routes/committee.scorecards[.]csv": { loader: committeeListing("routes/committee.scorecards[.]csv", "/committee/scorecards.csv", "scorecards") },
  "routes/committee.scorecards[.]json": { loader: committeeListing("routes/committee.scorecards[.]json", "/committee/scorecards.json", "scorecards") },

  // The interview (404, even signed out: it is looked up first) → requireLoopAccess (302, 403).
  "routes/interviews.$interviewId.calendar[.]ics": {
    loader: (ctx) =>
      // The gate depends on the loop only (requireLoopAccess): one interview per loop.
      [...ctx.world.loops.map((l) => l.interviews[0]!), null].flatMap((i) => {
        const interviewId = i?.id ?? UNKNOWN;
        const loop = i ? ctx.world.loops.find((l) => l.id === i.loopId)! : null;
        const base: Base = {
          route: "routes/interviews.$interviewId.calendar[.]ics",
          handler: "loader",
          subject: i && loop ? `${loop.candidateName}'s ${i.stageId} interview (${i.interviewerIds.map((id) => nameOf(ctx.world, id)).join(", ")})` : "an unknown interview",
          url: `/interviews/${interviewId}/calendar.ics`,
          params: { interviewId },
        };
        if (!i) return cellsFor(ctx, base, () => ({ expected: NOT_FOUND }), NOT_FOUND);
        return cellsFor(ctx, base, (v) => ({ expected: loopAccess(v, ctx.world.onLoop(v.id, i.loopId)) ? ALLOWED : FORBIDDEN }));
      }),
  },

  // write:scorecard:own (403) → the interview (404) → assigned to it (403). The action reads JSON.
  "routes/interviews.$interviewId.scorecard": {
    loader: (ctx) => perInterview(ctx, "loader"),
    action: (ctx) => perInterview(ctx, "action"),
  },

  // Signed in: back home. The action parses the form before anything else.
  "routes/login": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/login", handler: "loader", subject: "the sign-in page", url: "/login" }, () => ({ expected: { kind: "redirect", location: "/" } }), ALLOWED),
    action: (ctx) => cellsFor(ctx, { route: "routes/login", handler: "action", subject: "an empty sign-in form", url: "/login" }, () => ({ expected: BAD_BODY }), BAD_BODY),
  },

  // GET goes home; POST ends the session (if any) and goes to /login.
  "routes/logout": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/logout", handler: "loader", subject: "sign out by GET", url: "/logout" }, () => ({ expected: { kind: "redirect", location: "/" } }), { kind: "redirect", location: "/" }),
    action: (ctx) => cellsFor(ctx, { route: "routes/logout", handler: "action", subject: "sign out", url: "/logout" }, () => ({ expected: { kind: "signs-out" } }), { kind: "redirect", location: "/login" }),
  },

  // requireLoopAccess: the loop (404) → loopAccess (403). The page echoes the access it computed.
  "routes/loops.$loopId._index": {
    loader: (ctx) =>
      perLoop(ctx, (loop) =>
        cellsFor(ctx, loopBase(ctx, "routes/loops.$loopId._index", "loader", loop, ""), (v) => {
          if (!loop) return { expected: NOT_FOUND };
          const onLoop = ctx.world.onLoop(v.id, loop.id);
          const access = loopAccess(v, onLoop);
          if (!access) return { expected: FORBIDDEN };
          const audience = committeeAudience(v, onLoop);
          return {
            expected: ALLOWED,
            check: (data) => {
              const d = data as { access: unknown; canOpenReview: unknown };
              const problems: string[] = [];
              if (JSON.stringify(d.access) !== JSON.stringify(access)) problems.push(`access ${JSON.stringify(d.access)}, the rules say ${JSON.stringify(access)}`);
              if (d.canOpenReview !== (audience !== null)) problems.push(`canOpenReview ${String(d.canOpenReview)}, the committee audience is ${audience}`);
              return problems;
            },
          };
        }),
      ),
    // … then only those who manage loops (403); the form is parsed last (400).
    action: (ctx) =>
      perLoop(ctx, (loop) =>
        cellsFor(ctx, loopBase(ctx, "routes/loops.$loopId._index", "action", loop, ""), (v) => {
          if (!loop) return { expected: NOT_FOUND };
          const access = loopAccess(v, ctx.world.onLoop(v.id, loop.id));
          return { expected: access?.canManage ? BAD_BODY : FORBIDDEN };
        }),
      ),
  },

  // requireLoopAccess (404, 403) → committeeAudience (403). What is sent depends on the audience.
  "routes/loops.$loopId.committee": {
    loader: (ctx) =>
      perLoop(ctx, (loop) =>
        cellsFor(ctx, loopBase(ctx, "routes/loops.$loopId.committee", "loader", loop, "/committee"), (v) => {
          if (!loop) return { expected: NOT_FOUND };
          const onLoop = ctx.world.onLoop(v.id, loop.id);
          const audience = committeeAudience(v, onLoop);
          if (!loopAccess(v, onLoop) || !audience) return { expected: FORBIDDEN };
          const decides = canDecideHire(v, onLoop);
          return {
            expected: ALLOWED,
            scan: { payAllowedAt: (p) => audience === "committee" && first(p) === "pay" },
            check: (data) => {
              const d = data as { audience: unknown; evidence: unknown; pay: { canDecide?: unknown } | null };
              const problems: string[] = [];
              if (d.audience !== audience) problems.push(`audience "${String(d.audience)}", the rules say "${audience}"`);
              if ((d.evidence === null) !== (audience === "recruiter")) problems.push(`evidence ${d.evidence === null ? "withheld" : "sent"} to the ${audience} audience`);
              if ((d.pay === null) !== (audience !== "committee")) problems.push(`pay ${d.pay === null ? "withheld" : "sent"} to the ${audience} audience`);
              if (d.pay && d.pay.canDecide !== decides) problems.push(`canDecide ${String(d.pay.canDecide)}, the rules say ${decides}`);
              return problems;
            },
          };
        }),
      ),
    // … then canDecideHire (403); the decision form is parsed last (400).
    action: (ctx) =>
      perLoop(ctx, (loop) =>
        cellsFor(ctx, loopBase(ctx, "routes/loops.$loopId.committee", "action", loop, "/committee"), (v) => {
          if (!loop) return { expected: NOT_FOUND };
          const onLoop = ctx.world.onLoop(v.id, loop.id);
          const through = loopAccess(v, onLoop) !== null && committeeAudience(v, onLoop) !== null && canDecideHire(v, onLoop);
          return { expected: through ? BAD_BODY : FORBIDDEN };
        }),
      ),
  },

  // requireUser: everyone signed in reads project summaries and the demo feed.
  "routes/projects._index": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/projects._index", handler: "loader", subject: "the project list", url: "/projects" }, () => ({ expected: ALLOWED })),
  },
  "routes/demos._index": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/demos._index", handler: "loader", subject: "the demo feed", url: "/demos" }, () => ({ expected: ALLOWED })),
    // requireUser → canCurateDemos (403) → the form (400).
    action: (ctx) =>
      cellsFor(ctx, { route: "routes/demos._index", handler: "action", subject: "flag a demo", url: "/demos" }, (v) => ({ expected: canCurateDemos(v) ? BAD_BODY : FORBIDDEN })),
  },
  "routes/demos.highlights": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/demos.highlights", handler: "loader", subject: "the flagged demos by week", url: "/demos/highlights" }, () => ({ expected: ALLOWED })),
  },

  // requireProjectStarter: a builder (403) whose track's current version has a project process (409) → the form (400).
  "routes/projects.new": {
    loader: (ctx) =>
      cellsFor(ctx, { route: "routes/projects.new", handler: "loader", subject: "start a project", url: "/projects/new" }, (v) => {
        const starts = startsProjects(ctx, v);
        return { expected: starts === "yes" ? ALLOWED : starts === "no-process" ? CONFLICT : FORBIDDEN };
      }),
    action: (ctx) =>
      cellsFor(ctx, { route: "routes/projects.new", handler: "action", subject: "start a project", url: "/projects/new" }, (v) => {
        const starts = startsProjects(ctx, v);
        return { expected: starts === "yes" ? BAD_BODY : starts === "no-process" ? CONFLICT : FORBIDDEN };
      }),
  },

  // requireProjectAccess: the project (404); everyone signed in reads its summary. Outcomes (the
  // checkpoint, reviews, history) only where projectAccess says readOutcomes: their free text must
  // not reach anyone else. The page echoes the access.
  "routes/projects.$projectId._index": {
    loader: (ctx) =>
      perProject(ctx, (p, projectId) =>
        cellsFor(ctx, { route: "routes/projects.$projectId._index", handler: "loader", subject: projectSubject(p), url: `/projects/${projectId}`, params: { projectId } }, (v) => {
          if (!p) return { expected: NOT_FOUND };
          const access = projectAccess(v, p.parties);
          return {
            expected: ALLOWED,
            scan: { forbid: access.readOutcomes ? [] : p.outcomeText.map((value) => ({ kind: "project outcome", source: `${p.title}: checkpoint, review or history text`, value })) },
            check: (data) => {
              const sent = (data as { access: unknown }).access;
              return JSON.stringify(sent) === JSON.stringify(access) ? [] : [`access ${JSON.stringify(sent)}, the rules say ${JSON.stringify(access)}`];
            },
          };
        }),
      ),
    // … then the intent (400 when missing or unknown) → the intent's party (403) → its form (400).
    action: (ctx) =>
      perProject(ctx, (p, projectId) =>
        ["", "submit", ...(p ? Object.keys(PROJECT_ACTION_PARTIES).filter((k) => k !== "submit") : [])].flatMap((intent) =>
          cellsFor(
            ctx,
            {
              route: "routes/projects.$projectId._index",
              handler: "action",
              subject: `${intent ? `"${intent}"` : "no intent"} on ${projectSubject(p)}`,
              url: `/projects/${projectId}`,
              params: { projectId },
              body: { kind: "form", fields: intent ? { intent } : {} },
            },
            (v) => {
              if (!p) return { expected: NOT_FOUND };
              // No intent, or "submit" (the edit page's): an unknown action, 400 for everyone.
              if (!intent || intent === "submit") return { expected: BAD_BODY };
              return { expected: PROJECT_ACTION_PARTIES[intent as keyof typeof PROJECT_ACTION_PARTIES].party(relationTo(v, p.parties)) ? BAD_BODY : FORBIDDEN };
            },
          ),
        ),
      ),
  },

  // requireProjectAccess (404) → the owner (403) → editable: a draft or changes requested (409).
  "routes/projects.$projectId.edit": {
    loader: (ctx) =>
      perProject(ctx, (p, projectId) =>
        cellsFor(ctx, { route: "routes/projects.$projectId.edit", handler: "loader", subject: `edit ${projectSubject(p)}`, url: `/projects/${projectId}/edit`, params: { projectId } }, (v) => {
          if (!p) return { expected: NOT_FOUND };
          if (p.parties.ownerId !== v.id) return { expected: FORBIDDEN };
          return { expected: canEditContent(p.parties.status) ? ALLOWED : CONFLICT };
        }),
      ),
    // … the owner (403) → the form (400), parsed before the state is looked at.
    action: (ctx) =>
      perProject(ctx, (p, projectId) =>
        cellsFor(ctx, { route: "routes/projects.$projectId.edit", handler: "action", subject: `edit ${projectSubject(p)}`, url: `/projects/${projectId}/edit`, params: { projectId } }, (v) => {
          if (!p) return { expected: NOT_FOUND };
          return { expected: p.parties.ownerId === v.id ? BAD_BODY : FORBIDDEN };
        }),
      ),
  },

  // requireUser → the project (404) → projectAccess.postDemo (403) → the form (400).
  "routes/projects.$projectId.demos.new": {
    loader: (ctx) =>
      perProject(ctx, (p, projectId) =>
        cellsFor(ctx, { route: "routes/projects.$projectId.demos.new", handler: "loader", subject: `post a demo of ${projectSubject(p)}`, url: `/projects/${projectId}/demos/new`, params: { projectId } }, (v) => {
          if (!p) return { expected: NOT_FOUND };
          return { expected: projectAccess(v, p.parties).postDemo ? ALLOWED : FORBIDDEN };
        }),
      ),
    action: (ctx) =>
      perProject(ctx, (p, projectId) =>
        cellsFor(ctx, { route: "routes/projects.$projectId.demos.new", handler: "action", subject: `post a demo of ${projectSubject(p)}`, url: `/projects/${projectId}/demos/new`, params: { projectId } }, (v) => {
          if (!p) return { expected: NOT_FOUND };
          return { expected: projectAccess(v, p.parties).postDemo ? BAD_BODY : FORBIDDEN };
        }),
      ),
  },

  "routes/packets._index": {
    loader: (ctx) => cellsFor(ctx, { route: "routes/packets._index", handler: "loader", subject: "the packet list", url: "/packets" }, () => ({ expected: ALLOWED })),
  },

  // requirePacketAccess: the packet (404) → packetAccess.read (403). The page echoes the access.
  "routes/packets.$packetId": {
    loader: (ctx) =>
      [...ctx.world.packets, null].flatMap((packet) => {
        const packetId = packet?.id ?? UNKNOWN;
        const base: Base = { route: "routes/packets.$packetId", handler: "loader", subject: packet ? `${packet.builderName}'s ${packet.parties.status} packet` : "an unknown packet", url: `/packets/${packetId}`, params: { packetId } };
        return cellsFor(ctx, base, (v) => {
          if (!packet) return { expected: NOT_FOUND };
          const access = packetAccess(v, packet.parties);
          if (!access.read) return { expected: FORBIDDEN };
          return {
            expected: ALLOWED,
            scan: { payAllowedAt: (p) => (first(p) === "pay" && access.readPay) || (first(p) === "decision" && access.readDecision) },
            check: (data) => {
              const sent = (data as { access: unknown }).access;
              return JSON.stringify(sent) === JSON.stringify(access) ? [] : [`access ${JSON.stringify(sent)}, the rules say ${JSON.stringify(access)}`];
            },
          };
        });
      }),
    // … then the intent (400 when missing) → the right that form needs (403) → the form (400).
    action: (ctx) =>
      [...ctx.world.packets, null].flatMap((packet) => {
        const packetId = packet?.id ?? UNKNOWN;
        const intents = packet ? ["", ...PACKET_FORMS] : [""];
        return intents.flatMap((intent) => {
          const base: Base = {
            route: "routes/packets.$packetId",
            handler: "action",
            subject: `${intent ? `"${intent}"` : "no intent"} on ${packet ? `${packet.builderName}'s ${packet.parties.status} packet` : "an unknown packet"}`,
            url: `/packets/${packetId}`,
            params: { packetId },
            body: { kind: "form", fields: intent ? { intent } : {} },
          };
          return cellsFor(ctx, base, (v) => {
            if (!packet) return { expected: NOT_FOUND };
            const access = packetAccess(v, packet.parties);
            if (!access.read) return { expected: FORBIDDEN };
            if (!intent) return { expected: BAD_BODY };
            if (!access[PACKET_FORM_RIGHTS[intent as PacketForm]]) return { expected: FORBIDDEN };
            if (intent === "submit") {
              return (ctx.submissionProblems.get(packet.id) ?? []).length > 0
                ? { expected: { kind: "passes-gate", statuses: [409] } }
                : { expected: { kind: "skipped", why: "the packet is ready: submitting would succeed" } };
            }
            if (intent === "start-review") return { expected: { kind: "skipped", why: "starting a review takes no body: it would succeed" } };
            return { expected: BAD_BODY };
          });
        });
      }),
  },

  "routes/rubrics._index": {
    loader: gated("routes/rubrics._index", "loader", "read:rubric:any", "/rubrics"),
  },

  // read:rubric:any (403) → the version (404). No pay on this page for anyone.
  "routes/rubrics.$track.$version._index": {
    loader: (ctx) =>
      [...ctx.world.rubricVersions, null].flatMap((rv) => {
        const params = { track: rv?.track ?? "builder", version: rv ? `v${rv.version}` : "v99" };
        const base: Base = { route: "routes/rubrics.$track.$version._index", handler: "loader", subject: rv ? `${rv.track} v${rv.version}` : "builder v99 (unknown)", url: `/rubrics/${params.track}/${params.version}`, params };
        return cellsFor(ctx, base, (v) => (!can(v, "read:rubric:any") ? { expected: FORBIDDEN } : rv ? { expected: ALLOWED } : { expected: NOT_FOUND }));
      }),
    // manage:rubric:any (403) → the form (400), which is parsed before the version is looked up.
    action: (ctx) =>
      ctx.world.rubricVersions.flatMap((rv) => {
        const params = { track: rv.track, version: `v${rv.version}` };
        const base: Base = { route: "routes/rubrics.$track.$version._index", handler: "action", subject: `retire ${rv.track} v${rv.version}`, url: `/rubrics/${rv.track}/v${rv.version}`, params };
        return cellsFor(ctx, base, (v) => ({ expected: can(v, "manage:rubric:any") ? BAD_BODY : FORBIDDEN }));
      }),
  },

  // Band figures only for read:band:any.
  "routes/rubrics.$track.$version.levels": {
    loader: (ctx) =>
      ctx.world.rubricVersions.flatMap((rv) => {
        const params = { track: rv.track, version: `v${rv.version}` };
        const base: Base = { route: "routes/rubrics.$track.$version.levels", handler: "loader", subject: `${rv.track} v${rv.version} level matrix`, url: `/rubrics/${rv.track}/v${rv.version}/levels`, params };
        return cellsFor(ctx, base, (v) => {
          if (!can(v, "read:rubric:any")) return { expected: FORBIDDEN };
          const bands = can(v, "read:band:any");
          return {
            expected: ALLOWED,
            scan: { payAllowedAt: (p) => bands && first(p) === "bands" },
            check: (data) => ((data as { bands: unknown }).bands === null) === !bands ? [] : [`bands ${bands ? "withheld from" : "sent to"} this viewer`],
          };
        });
      }),
  },

  // read:rubric:any → the track (404). Band changes only for read:band:any.
  "routes/rubrics.$track.compare": {
    loader: (ctx) =>
      [...new Set(ctx.world.rubricVersions.map((rv) => rv.track)), null].flatMap((track) => {
        const t = track ?? "no-such-track";
        const versions = ctx.world.rubricVersions.filter((rv) => rv.track === track).map((rv) => rv.version);
        const [from, to] = versions.length > 0 ? [Math.min(...versions), Math.max(...versions)] : [1, 2];
        const base: Base = { route: "routes/rubrics.$track.compare", handler: "loader", subject: track ? `${track}: v${from} → v${to}` : "an unknown track", url: `/rubrics/${t}/compare?from=${from}&to=${to}`, params: { track: t } };
        return cellsFor(ctx, base, (v) => {
          if (!can(v, "read:rubric:any")) return { expected: FORBIDDEN };
          if (!track) return { expected: NOT_FOUND };
          const bands = can(v, "read:band:any");
          return {
            expected: ALLOWED,
            check: (data) => {
              const sections = (data as { diff: Array<{ id: string }> }).diff.map((s) => s.id);
              return !bands && sections.includes("bands") ? ["the bands section is sent to a viewer without read:band:any"] : [];
            },
          };
        });
      }),
  },

  // requireUser → the scorecard (404) → requireLoopAccess (403) → canReadScorecard (403).
  "routes/scorecards.$scorecardId._index": {
    loader: (ctx) =>
      [...ctx.world.scorecards, null].flatMap((card) => {
        const scorecardId = card?.id ?? UNKNOWN;
        const base: Base = { route: "routes/scorecards.$scorecardId._index", handler: "loader", subject: card ? scorecardSubject(ctx.world, card) : "an unknown scorecard", url: `/scorecards/${scorecardId}`, params: { scorecardId } };
        return cellsFor(ctx, base, (v) => {
          if (!card) return { expected: NOT_FOUND };
          const onLoop = ctx.world.onLoop(v.id, card.loopId);
          return { expected: loopAccess(v, onLoop) && canReadScorecard(v, card, onLoop) ? ALLOWED : FORBIDDEN };
        });
      }),
  },

  // The loader is a 404 for everyone. The action (autosave, JSON): write:scorecard:own (403) → the
  // scorecard (404) → its author (403) → still a draft (409) → the body (400).
  "routes/scorecards.$scorecardId.draft": {
    loader: (ctx) =>
      cellsFor(ctx, { route: "routes/scorecards.$scorecardId.draft", handler: "loader", subject: "GET of the autosave endpoint", url: `/scorecards/${UNKNOWN}/draft`, params: { scorecardId: UNKNOWN } }, () => ({ expected: NOT_FOUND }), NOT_FOUND),
    action: (ctx) =>
      [...ctx.world.scorecards, null].flatMap((card) => {
        const scorecardId = card?.id ?? UNKNOWN;
        const base: Base = {
          route: "routes/scorecards.$scorecardId.draft",
          handler: "action",
          subject: card ? `autosave of ${scorecardSubject(ctx.world, card)}` : "autosave of an unknown scorecard",
          url: `/scorecards/${scorecardId}/draft`,
          params: { scorecardId },
          body: { kind: "json", value: {} },
        };
        return cellsFor(ctx, base, (v) => {
          if (!can(v, "write:scorecard:own")) return { expected: FORBIDDEN };
          if (!card) return { expected: NOT_FOUND };
          if (card.interviewerId !== v.id) return { expected: FORBIDDEN };
          return { expected: card.status === "draft" ? BAD_BODY : { kind: "passes-gate", statuses: [409] } };
        });
      }),
  },
};

export function perCandidate(
  ctx: MatrixContext,
  route: string,
  handler: "loader" | "action",
  permission: Permission,
  url: (id: string) => string,
  scan?: (v: Viewer, candidateId: string) => ScanRules,
): Cell[] {
  return [...ctx.world.candidates, null].flatMap((c) => {
    const candidateId = c?.id ?? UNKNOWN;
    const base: Base = { route, handler, subject: c ? `candidate ${c.name}` : "an unknown candidate", url: url(candidateId), params: { candidateId } };
    return cellsFor(ctx, base, (v) => {
      if (!can(v, permission)) return { expected: FORBIDDEN };
      if (!c) return { expected: NOT_FOUND };
      return { expected: allowedFor(handler), ...(scan && handler === "loader" ? { scan: scan(v, c.id) } : {}) };
    });
  });
}

function perInterview(ctx: MatrixContext, handler: "loader" | "action"): Cell[] {
  return [...ctx.world.interviews, null].flatMap((i) => {
    const interviewId = i?.id ?? UNKNOWN;
    const loop = i ? ctx.world.loops.find((l) => l.id === i.loopId)! : null;
    const base: Base = {
      route: "routes/interviews.$interviewId.scorecard",
      handler,
      subject: i && loop ? `the scorecard of ${loop.candidateName}'s ${i.stageId} interview (${i.interviewerIds.map((id) => nameOf(ctx.world, id)).join(", ")})` : "an unknown interview",
      url: `/interviews/${interviewId}/scorecard`,
      params: { interviewId },
      ...(handler === "action" ? { body: { kind: "json" as const, value: {} } } : {}),
    };
    return cellsFor(ctx, base, (v) => {
      if (!can(v, "write:scorecard:own")) return { expected: FORBIDDEN };
      if (!i) return { expected: NOT_FOUND };
      return { expected: i.interviewerIds.includes(v.id) ? allowedFor(handler) : FORBIDDEN };
    });
  });
}

export function loopBase(ctx: MatrixContext, route: string, handler: "loader" | "action", loop: LoopFacts | null, suffix: string): Base {
  const loopId = loop?.id ?? UNKNOWN;
  return { route, handler, subject: loop ? `${loop.candidateName}'s loop` : "an unknown loop", url: `/loops/${loopId}${suffix}`, params: { loopId } };
}

export function scorecardSubject(world: World, card: World["scorecards"][number]): string {
  const loop = world.loops.find((l) => l.id === card.loopId)!;
  const stage = world.interviews.find((i) => i.id === card.interviewId)?.stageId ?? "?";
  return `${nameOf(world, card.interviewerId)}'s ${card.status} scorecard on ${loop.candidateName}'s loop (${stage})`;
}

/** The facts the matrix needs beyond the world's: why each packet cannot be submitted yet. */
export async function prepareMatrix(world: World, personas: Persona[]): Promise<MatrixContext> {
  const problems = new Map<string, string[]>();
  for (const p of world.packets) {
    const packet = (await findPacket(p.id))!;
    const criteria = targetCriteria(packet.rubric, packet.targetLevel);
    problems.set(p.id, submissionProblems({ summary: packet.summary, evidenceCount: packet.evidence.length, assessedCriteria: packet.assessments.map((a) => a.criterionId) }, criteria));
  }
  return { world, personas, submissionProblems: problems };
}
