/** Authorisation matrix entries for changing an interview; all-routes.ts merges them with MATRIX. */
import { ALLOWED, BAD_BODY, FORBIDDEN, NOT_FOUND } from "./expectations";
import { can, cellsFor, nameOf, UNKNOWN, type Base, type MatrixContext, type MatrixEntry } from "./matrix";

/**
 * requireUserWithPermission(manage:loop:any) (403) → the interview (404): recruiters and admins,
 * whoever's loop it is. The action parses which form was sent first, so an empty form is a 400
 * for them whatever the interview's state. One interview per loop, and an unknown id.
 */
function perInterview(ctx: MatrixContext, handler: "loader" | "action") {
  return [...ctx.world.loops.map((l) => l.interviews[0]!), null].flatMap((i) => {
    const interviewId = i?.id ?? UNKNOWN;
    const loop = i ? ctx.world.loops.find((l) => l.id === i.loopId)! : null;
    const base: Base = {
      route: "routes/interviews.$interviewId.edit",
      handler,
      subject: i && loop ? `changing ${loop.candidateName}'s ${i.stageId} interview (${i.interviewerIds.map((id) => nameOf(ctx.world, id)).join(", ")})` : "changing an unknown interview",
      url: `/interviews/${interviewId}/edit`,
      params: { interviewId },
      ...(handler === "action" ? { body: { kind: "form" as const, fields: {} } } : {}),
    };
    return cellsFor(ctx, base, (v) => {
      if (!can(v, "manage:loop:any")) return { expected: FORBIDDEN };
      if (!i) return { expected: NOT_FOUND };
      return { expected: handler === "loader" ? ALLOWED : BAD_BODY };
    });
  });
}

export const INTERVIEW_CHANGES_MATRIX: Record<string, MatrixEntry> = {
  "routes/interviews.$interviewId.edit": {
    loader: (ctx) => perInterview(ctx, "loader"),
    action: (ctx) => perInterview(ctx, "action"),
  },
};
