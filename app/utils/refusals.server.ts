import { data } from "@remix-run/node";
import { CandidateChangeRefusal } from "~/data/candidates.server";

/**
 * Runs a change whose data layer may refuse it because the candidate was erased meanwhile (the
 * check runs inside the change's transaction, so a page loaded before the erasure still gets
 * here): the refusal becomes a 409 with its reason, never a 500.
 */
export async function refusingErased<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof CandidateChangeRefusal) throw data({ message: error.message }, { status: 409 });
    throw error;
  }
}
