import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { auditActor } from "~/utils/audit.server";
import { getUser } from "~/utils/auth.server";
import { endSession } from "~/utils/session.server";

// Signing out is a POST (a link could be triggered by another site); GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const now = new Date();
  // Who signs out, for the audit trail; a request without a live session just has its cookie cleared.
  const user = await getUser(request, now);
  const signOut = user ? { actor: auditActor(user, context), now } : undefined;
  return redirect("/login", { headers: { "Set-Cookie": await endSession(request, signOut) } });
}
