import { data } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { findRubricVersion } from "~/data/rubrics.server";
import { parseVersionParam } from "~/domain/rubric/visibility";

/** The rubric version a `/rubrics/:track/:version` URL names, or a 404. */
export async function requireRubricVersion(params: Params) {
  const version = parseVersionParam(params.version);
  const found = version && params.track ? await findRubricVersion(params.track, version) : null;
  if (!found) throw data({ message: "No such rubric version" }, { status: 404 });
  return found;
}
