import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { recordRead } from "~/data/audit.server";
import { readProjectPage } from "~/data/project-page.server";
import { applyProjectAction } from "~/data/project-workflow.server";
import { dateOfCalendarDay } from "~/domain/calendar-date";
import { PROJECT_ACTION_PARTIES, relationTo } from "~/domain/project/access";
import {
  approveSchema,
  blockSchema,
  changeApproverSchema,
  checkpointSchema,
  closeSchema,
  launchSchema,
  requestChangesSchema,
  reviewSchema,
  unblockSchema,
} from "~/domain/project/forms";
import type { ProjectAction } from "~/domain/project/workflow";
import styles from "~/styles/project.css?url";
import { auditActor } from "~/utils/audit.server";
import { requestNow } from "~/utils/clock.server";
import { badRequest, formError, formSaved, parseForm, readFormData, type FormFailure } from "~/utils/forms.server";
import { partiesOf, requireProjectAccess } from "~/utils/project-access.server";
import { failureResponse } from "~/utils/refusals.server";
import { ProjectPage } from "./project-page";
import { projectPageView } from "~/views/project-page";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.project.title} · Projects · Builder Ladder` : "Project · Builder Ladder" }];

/** A project's page: its summary for everyone signed in; outcomes, history and the forms for its parties. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const now = requestNow(request);
  const { user, project, access } = await requireProjectAccess(request, params.projectId);
  const page = projectPageView(await readProjectPage(project, access), { id: user.id, access, now });
  // The summary is everyone's; reading the measured outcome and history (its parties only) is on the owner's trail.
  if (access.readOutcomes) {
    await recordRead(auditActor(user, context), { action: "project.read", recordType: "project", recordId: project.id, subjectUserId: project.owner.id }, now);
  }
  return page;
}

const INTENTS = PROJECT_ACTION_PARTIES;

const isIntent = (value: string): value is Exclude<ProjectAction["kind"], "submit"> => Object.hasOwn(INTENTS, value) && value !== "submit";

type Parsed = { success: true; action: ProjectAction; version: number } | { success: false; failure: FormFailure };

function parseAction(intent: Exclude<ProjectAction["kind"], "submit">, form: FormData, metricIds: readonly string[]): Parsed {
  const fail = (failure: FormFailure): Parsed => ({ success: false, failure });
  switch (intent) {
    case "approve": {
      const p = parseForm(approveSchema, form);
      return p.success ? { success: true, action: { kind: "approve", note: p.data.note }, version: p.data.version } : fail(p.failure);
    }
    case "request_changes": {
      const p = parseForm(requestChangesSchema, form);
      return p.success ? { success: true, action: { kind: "request_changes", comments: p.data.comments }, version: p.data.version } : fail(p.failure);
    }
    case "change_approver": {
      const p = parseForm(changeApproverSchema, form);
      return p.success
        ? { success: true, action: { kind: "change_approver", approverId: p.data.approverId, reason: p.data.reason }, version: p.data.version }
        : fail(p.failure);
    }
    case "launch": {
      const p = parseForm(launchSchema, form);
      return p.success ? { success: true, action: { kind: "launch" }, version: p.data.version } : fail(p.failure);
    }
    case "record_checkpoint": {
      const p = parseForm(checkpointSchema(metricIds), form);
      if (!p.success) return fail(p.failure);
      const input = p.data as { version: number; verdict: Extract<ProjectAction, { kind: "record_checkpoint" }>["verdict"]; followUps: string; actuals: Record<string, number> };
      return { success: true, action: { kind: "record_checkpoint", actuals: input.actuals, verdict: input.verdict, followUps: input.followUps }, version: input.version };
    }
    case "record_review": {
      const p = parseForm(reviewSchema, form);
      return p.success
        ? {
            success: true,
            action: { kind: "record_review", health: p.data.health, roi: p.data.roi, followThrough: p.data.followThrough, nextReviewOn: dateOfCalendarDay(p.data.nextReviewOn) },
            version: p.data.version,
          }
        : fail(p.failure);
    }
    case "close": {
      const p = parseForm(closeSchema, form);
      return p.success ? { success: true, action: { kind: "close", outcome: p.data.outcome, note: p.data.note }, version: p.data.version } : fail(p.failure);
    }
    case "block": {
      const p = parseForm(blockSchema, form);
      return p.success ? { success: true, action: { kind: "block", escalateToId: p.data.escalateToId, reason: p.data.reason }, version: p.data.version } : fail(p.failure);
    }
    case "unblock": {
      const p = parseForm(unblockSchema, form);
      return p.success ? { success: true, action: { kind: "unblock" }, version: p.data.version } : fail(p.failure);
    }
  }
}

/**
 * Every workflow step but the submission: the form names its `intent`. Someone who is not the
 * step's party gets 403 before anything is read; what was sent is parsed with the form's shared
 * schema (400 with field errors); the workflow then decides (applyProjectAction: a refusal, 409 when
 * the project's state does not allow it or the page was stale; `invalid`, 400 beside the field, when
 * a rule of the process is broken).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const now = requestNow(request);
  const { user, project } = await requireProjectAccess(request, params.projectId);
  const form = await readFormData(request);
  const intent = form.get("intent");
  if (typeof intent !== "string" || !isIntent(intent)) return formError("Unknown action.");
  const rule = INTENTS[intent];
  if (!rule.party(relationTo(user, partiesOf(project)))) throw data({ message: rule.refusal }, { status: 403 });
  const parsed = parseAction(intent, form, project.metrics.map((m) => m.id));
  if (!parsed.success) return badRequest(parsed.failure);
  const result = await applyProjectAction(project.id, auditActor(user, context), parsed.action, parsed.version, now);
  return result.ok ? formSaved() : failureResponse(result);
}

export default function ProjectRoute() {
  return <ProjectPage data={useLoaderData<typeof loader>()} />;
}
