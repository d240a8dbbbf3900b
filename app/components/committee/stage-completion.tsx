import { TableScroll } from "~/components/table-scroll";
import { STAGE_STATUS_LABELS, type StageStatus } from "~/domain/loop";
import type { CommitteeStage } from "~/views/committee-page";

const STATUS_BADGE: Record<StageStatus, string> = {
  not_scheduled: "badge-previous",
  scheduled: "badge-locked",
  awaiting_scorecards: "badge-major",
  complete: "badge-current",
};

/** Each stage of the loop: its status and how many of the scorecards it needs are submitted. */
export function StageCompletion({ stages, complete }: { stages: readonly CommitteeStage[]; complete: boolean }) {
  return (
    <section className="panel" aria-labelledby="completion-title" id="completion">
      <h2 id="completion-title">Stage completion</h2>
      <p>{complete ? "Every stage is complete." : "Some stages still wait on interviews or scorecards."}</p>
      <TableScroll label="Scorecards submitted per stage">
        <table className="committee-table">
          <caption className="visually-hidden">Status and submitted scorecards per stage</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Scorecards submitted
              </th>
            </tr>
          </thead>
          <tbody>
            {stages.map((s) => (
              <tr key={s.stageId}>
                <th scope="row">{s.name}</th>
                <td>
                  <span className={`badge ${STATUS_BADGE[s.status]}`}>{STAGE_STATUS_LABELS[s.status]}</span>
                </td>
                <td className="num">
                  {s.submitted} of {s.needed}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
