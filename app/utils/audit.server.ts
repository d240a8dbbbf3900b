import type { AppLoadContext } from "@remix-run/node";
import type { PersonActor } from "~/data/audit.server";

/** The audit trail's actor for a request: the signed-in person and the client's address. */
export function auditActor(user: { id: string }, context: Pick<AppLoadContext, "clientAddress"> | undefined): PersonActor {
  return { userId: user.id, address: context?.clientAddress || null };
}
