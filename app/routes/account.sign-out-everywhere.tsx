// Ends every session of the signed-in user, this one included; a POST, so no other site can trigger it with a link.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { auditActor } from "~/utils/audit.server";
import { requireUserForPasswordChange } from "~/utils/auth.server";
import { endEverySession } from "~/utils/session.server";

export async function loader() {
  return redirect("/account");
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Also for a user whose password must change: signing out is always allowed.
  const user = await requireUserForPasswordChange(request);
  return redirect("/login", { headers: { "Set-Cookie": await endEverySession(request, user.id, auditActor(user, context), new Date()) } });
}
