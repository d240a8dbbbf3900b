import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { interviewOrganizer } from "~/data/interview-changes.server";
import { interviewUid } from "~/data/notifications.server";
import { findInterview } from "~/data/scorecards.server";
import { calendarFile } from "~/domain/calendar";
import { interviewEndsAt } from "~/domain/loop";
import { requireLoopAccess } from "~/utils/loop-access.server";

/**
 * An interview as an .ics file for the interviewers' calendars (RFC 5545), with the same UID and
 * the current SEQUENCE as the emailed invitations, so importing it updates the one event. For a
 * cancelled interview it is a cancellation (METHOD:CANCEL, STATUS:CANCELLED): importing it takes
 * the event out of a calendar that still holds it, rather than adding it back.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const interview = params.interviewId ? await findInterview(params.interviewId) : null;
  if (!interview) throw data({ message: "No such interview" }, { status: 404 });
  const { loop } = await requireLoopAccess(request, interview.loopId);
  const full = loop.interviews.find((i) => i.id === interview.id)!;
  const stage = loop.rubric.stages.find((s) => s.id === interview.stageId);
  const origin = new URL(request.url).origin;

  const cancelled = interview.cancelledAt !== null;
  const body = calendarFile({
    ...(cancelled ? { method: "CANCEL" as const, organizer: await interviewOrganizer(interview.id) } : {}),
    sequence: interview.sequence,
    uid: interviewUid(interview.id),
    start: interview.startsAt,
    end: interviewEndsAt(interview),
    summary: `Interview: ${loop.candidate.name} (${stage?.name ?? interview.stageId})`,
    description: [
      `${stage?.name ?? interview.stageId} for ${loop.candidate.name}, target level ${loop.targetLevel}.`,
      cancelled ? `Cancelled: ${interview.cancelReason ?? ""}` : "",
      stage ? `Focus areas: ${stage.focus_areas.join("; ")}.` : "",
      `Scorecard: ${origin}/interviews/${interview.id}/scorecard`,
    ]
      .filter(Boolean)
      .join("\n"),
    attendees: full.interviewers.map((p) => ({ name: p.name, email: p.email })),
    now: new Date(),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="interview-${interview.id}.ics"`,
    },
  });
}
