import { data } from "@remix-run/node";
import { findLoop } from "~/data/loops.server";
import { viewerOnLoopDetail } from "~/data/loop-detail.server";
import { loopAccess } from "~/domain/loop-access";
import { requireUser } from "./auth.server";

/**
 * The loop a URL names and what the signed-in user may do with it; 404 / 403 otherwise. Returns
 * the loop it checked (one statement): where the user stands on it comes from its interviews, not
 * from another read.
 */
export async function requireLoopAccess(request: Request, loopId: string | undefined) {
  const user = await requireUser(request);
  const loop = loopId ? await findLoop(loopId) : null;
  if (!loop) throw data({ message: "No such loop" }, { status: 404 });
  const onLoop = viewerOnLoopDetail(loop, user.id);
  const access = loopAccess(user, onLoop);
  if (!access) throw data({ message: "You are not on this loop." }, { status: 403 });
  return { user, loop, onLoop, access };
}
