import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { recordRead } from "~/data/audit.server";
import { builderExport } from "~/data/builder-export.server";
import { builderExportFileName } from "~/domain/builder-export";
import { auditActor } from "~/utils/audit.server";
import { requireUser } from "~/utils/auth.server";

/**
 * A builder's own data export, as a JSON attachment (domain/builder-export.ts says what it holds
 * and leaves out). Only ever the signed-in person's own data: it takes no id. Someone with no
 * builder record they may read gets 403 with why (the page /account/export says so before). The
 * export is recorded as a read of their data (builder.export).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const now = new Date();
  const user = await requireUser(request, now);
  const exported = await builderExport(user, now);
  if (!exported) {
    throw data({ message: "You have no builder record, so there is nothing of yours to export here." }, { status: 403 });
  }
  await recordRead(
    auditActor(user, context),
    {
      action: "builder.export",
      recordType: "builder",
      recordId: user.id,
      subjectUserId: user.id,
      detail: { packets: exported.packets.length, projects: exported.projects.length },
    },
    now,
  );
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${builderExportFileName(now)}"`,
      "Cache-Control": "no-store",
    },
  });
}
