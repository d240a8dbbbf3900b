import { useFetcher } from "@remix-run/react";
import { ConfirmSubmit } from "~/components/confirm-dialog";
import { FormErrors } from "~/components/form-fields";
import { coverageOf } from "~/domain/promotion/coverage";
import { submissionReadiness } from "~/domain/promotion/readiness";
import type { PacketPageData } from "~/views/packet-page";
import type { PacketAnswer } from "./use-server-errors";

/** The manager's submit button, with what still stands in the way; the committee's "start review". */
export function WorkflowSection({ data }: { data: PacketPageData }) {
  const fetcher = useFetcher<PacketAnswer>();
  const errors = fetcher.state === "idle" ? fetcher.data?.formErrors : undefined;
  if (data.access.submit && data.submission) {
    const blocked = data.submission.length > 0;
    // Submission reads the saved evidence, so readiness does too (not the form being filled in).
    const readiness = submissionReadiness(data.submission, coverageOf(data.coverageNeeds, data.evidence).summary, data.packet.targetLevel);
    return (
      <section className="panel no-print" aria-labelledby="submit-title">
        <h2 id="submit-title">Submit to the promotion committee</h2>
        <p className="muted small">Submitting freezes the packet as it is now: the committee reads that snapshot, and no one can edit it afterwards.</p>
        {blocked ? (
          <ul className="problems">
            {data.submission.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : (
          <p>{readiness}</p>
        )}
        <FormErrors errors={errors} />
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="submit" />
          <ConfirmSubmit
            className="button"
            disabled={blocked || fetcher.state !== "idle"}
            confirm={{
              title: `Submit ${data.builder.name}’s packet for ${data.packet.targetLevel}?`,
              confirmLabel: "Submit packet",
              children: (
                <p>
                  The promotion committee will read the packet exactly as it is now. From then on no one can edit it: not the summary, the evidence, the
                  assessments, nor peers&rsquo; statements.
                </p>
              ),
            }}
          >
            Submit packet
          </ConfirmSubmit>
        </fetcher.Form>
      </section>
    );
  }
  if (data.access.startReview) {
    return (
      <section className="panel no-print" aria-labelledby="review-title">
        <h2 id="review-title">Review</h2>
        <p>This packet is waiting for the committee. Start the review to record a decision.</p>
        <FormErrors errors={errors} />
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="start-review" />
          <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
            Start review
          </button>
        </fetcher.Form>
      </section>
    );
  }
  return null;
}
