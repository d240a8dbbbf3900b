import { coverageOf, type CoverageRequirements, type CoverageStatus, type PacketEvidence } from "~/domain/promotion/coverage";
import { coverageHeadline } from "~/domain/promotion/readiness";

const STATUS_LABELS: Record<CoverageStatus, string> = { met: "Met", partial: "Partial", missing: "Missing" };

/**
 * Coverage of the target level's requirements by the evidence, gaps first. Computed in the
 * browser by the same pure function the server uses, so it follows the evidence form as it is
 * filled in (`unsaved` says when it includes changes not yet saved).
 */
export function CoveragePanel({ needs, evidence, unsaved = false }: { needs: CoverageRequirements; evidence: readonly PacketEvidence[]; unsaved?: boolean }) {
  const coverage = coverageOf(needs, evidence);
  const { met, partial, missing, ready } = coverage.summary;
  const headline = coverageHeadline(coverage.summary, needs.targetLevel);
  return (
    <section className="panel coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Coverage of {needs.targetLevel}</h2>
      <p className="coverage-summary" role="status" aria-live="polite">
        {ready ? (
          <strong>{headline}</strong>
        ) : (
          <>
            <strong>{headline}</strong> · {met} met, {partial} partial, {missing} missing
          </>
        )}
        {unsaved ? <span className="muted"> · includes your unsaved changes</span> : null}
      </p>
      <div className="table-scroll">
        <table className="coverage-table">
          <caption className="visually-hidden">Each requirement of {needs.targetLevel}, gaps first</caption>
          <thead>
            <tr>
              <th scope="col">Requirement</th>
              <th scope="col">Status</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {coverage.entries.map((entry) => (
              <tr key={`${entry.kind}-${entry.id}`} data-status={entry.status} data-testid={`coverage-${entry.id}`}>
                <th scope="row">
                  {entry.name}
                  <span className="block muted small">{entry.kind === "criterion" ? "Advancement criterion" : "Competency"}</span>
                  {entry.requirement ? <span className="block small requirement">{entry.requirement}</span> : null}
                </th>
                <td>
                  <span className={`badge badge-coverage-${entry.status}`}>{STATUS_LABELS[entry.status]}</span>
                </td>
                <td className="coverage-count">
                  {entry.count} of {entry.required} needed
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
