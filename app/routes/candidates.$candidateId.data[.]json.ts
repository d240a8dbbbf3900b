import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { recordRead } from "~/data/audit.server";
import { exportCandidate, exportFileName } from "~/data/candidate-export.server";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { requestNow } from "~/utils/clock.server";

/** Everything held about a candidate as a JSON file (the data request page's "Download JSON"), recorded in the audit trail. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const now = requestNow(request);
  const user = await requireUserWithPermission(request, "manage:candidate:any", now);
  const candidateId = params.candidateId ?? "";
  const exported = await exportCandidate(candidateId, now, user);
  if (!exported) throw data({ message: "No such candidate" }, { status: 404 });
  await recordRead(
    auditActor(user, context),
    { action: "candidate.export", recordType: "candidate", recordId: candidateId, candidateId, detail: { format: "json" } },
    now
  );
  return new Response(`${JSON.stringify(exported, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(candidateId)}"`,
      "Cache-Control": "no-store",
    },
  });
}
