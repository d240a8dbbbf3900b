import type { PersonActor } from "~/data/audit.server";

/** A person acting from no particular address: for tests that call the data layer directly. */
export const actorOf = (user: string | { id: string }): PersonActor => ({ userId: typeof user === "string" ? user : user.id, address: null });
