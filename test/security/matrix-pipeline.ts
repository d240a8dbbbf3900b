/**
 * Authorisation matrix entries for the candidate pipeline: the global search, the candidate page's
 * status form (its new action) and the loop page's close and reopen forms (cells added to the
 * loop page's entry of MATRIX). all-routes.ts merges them after MATRIX, so they replace its entries.
 */
import { loopAccess } from "~/domain/loop-access";
import { canReadBuilderRecord, type Viewer } from "~/domain/permissions";
import { BAD_BODY, FORBIDDEN, NOT_FOUND, ALLOWED } from "./expectations";
import { can, cellsFor, loopBase, MATRIX, perCandidate, perLoop, type MatrixContext, type MatrixEntry } from "./matrix";

type Hits = { candidates: { shown: Array<{ id: string }> } | null; builders: { shown: Array<{ userId: string }> } | null } | null;

/**
 * /search (requireUser: everyone signed in) for each candidate's name and each builder's name:
 * the candidate is listed exactly to those who read candidates, the builder exactly to those
 * canReadBuilderRecord lets read the record; a candidate's name reaches nobody else.
 */
function searchCells(ctx: MatrixContext) {
  const route = "routes/search";
  const candidateCells = ctx.world.candidates.map((c) =>
    cellsFor(ctx, { route, handler: "loader", subject: `a search for candidate ${c.name}`, url: `/search?${new URLSearchParams({ q: c.name })}` }, (v: Viewer) => {
      const reads = can(v, "read:candidate:any");
      return {
        expected: ALLOWED,
        check: (data) => {
          const hits = (data as { results: Hits }).results;
          const listed = hits?.candidates?.shown.some((h) => h.id === c.id) ?? false;
          if (reads && !listed) return [`${c.name} is missing from the search of their name`];
          if (!reads && hits?.candidates) return ["candidates were searched for a viewer who may not read them"];
          // The page echoes what was typed (q); the results must not name the candidate to others.
          if (!reads && JSON.stringify(hits).includes(c.id)) return [`${c.name}'s record is in the results of a viewer who may not read candidates`];
          return [];
        },
      };
    }),
  );
  const builderCells = ctx.world.builders.map((b) =>
    cellsFor(ctx, { route, handler: "loader", subject: `a search for builder ${b.name}`, url: `/search?${new URLSearchParams({ q: b.name })}` }, (v: Viewer) => {
      const reads = canReadBuilderRecord(v, b);
      return {
        expected: ALLOWED,
        check: (data) => {
          const listed = (data as { results: Hits }).results?.builders?.shown.some((h) => h.userId === b.userId) ?? false;
          return listed === reads ? [] : [`${b.name}'s record is ${listed ? "listed" : "missing"}, the rule says ${reads ? "readable" : "not readable"}`];
        },
      };
    }),
  );
  return [...candidateCells, ...builderCells].flat();
}

/**
 * The loop page's close and reopen forms: past the gate only for those who manage the loop. The
 * close form without its reason is a 400; reopening a loop that is open is a 409 (every loop of
 * the test organisation is open), nothing written either way.
 */
function closureCells(ctx: MatrixContext) {
  return (["close-loop", "reopen-loop"] as const).flatMap((intent) =>
    perLoop(ctx, (loop) =>
      cellsFor(
        ctx,
        { ...loopBase(ctx, "routes/loops.$loopId._index", "action", loop, ""), subject: `${intent} on ${loop ? `${loop.candidateName}'s loop` : "an unknown loop"}`, body: { kind: "form", fields: { intent } } },
        (v) => {
          if (!loop) return { expected: NOT_FOUND };
          if (!loopAccess(v, ctx.world.onLoop(v.id, loop.id))?.canManage) return { expected: FORBIDDEN };
          return { expected: intent === "close-loop" ? BAD_BODY : { kind: "passes-gate", statuses: [409] } };
        },
      ),
    ),
  );
}

const loopPage = MATRIX["routes/loops.$loopId._index"]!;
const candidatePage = MATRIX["routes/candidates.$candidateId._index"]!;

export const PIPELINE_MATRIX: Record<string, MatrixEntry> = {
  // requireUser; each group of results is read under its own rule (app/data/search.server.ts).
  "routes/search": { loader: searchCells },

  // The page as before; its action (the status form): manage:candidate:any (403) → the candidate
  // (404) → the form (400: an empty form has no status), before any state is looked at.
  "routes/candidates.$candidateId._index": {
    loader: candidatePage.loader,
    action: (ctx) => perCandidate(ctx, "routes/candidates.$candidateId._index", "action", "manage:candidate:any", (id) => `/candidates/${id}`),
  },

  // The loop page's cells, and its close and reopen forms behind the same gate (requireLoopAccess,
  // then canManage: 403) before their form is read (400).
  "routes/loops.$loopId._index": {
    loader: loopPage.loader,
    action: (ctx) => [...loopPage.action!(ctx), ...closureCells(ctx)],
  },
};
