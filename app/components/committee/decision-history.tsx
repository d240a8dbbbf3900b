import { LocalTime } from "~/components/local-time";
import { OVERRIDE_LABELS, type DecisionOverride } from "~/domain/decision-overrides";
import { formatMoney } from "./format";
import { OUTCOME_LABELS } from "./summary";

export type HistoryEntry = {
  id: string;
  outcome: "hire" | "no_hire";
  level: string | null;
  rationale: string;
  decidedByName: string;
  decidedAt: Date | string;
  correctsId: string | null;
  /** What the committee confirmed it decided against, and why (not pay: the panel reads it too). */
  overrides?: readonly DecisionOverride[];
  overrideJustification?: string | null;
  /** Pay: only the committee reads these. */
  baseSalary?: number | null;
  currency?: string | null;
  bandJustification?: string | null;
};

/**
 * Every decision entry, oldest first, each with who, when and what, and the entry it corrects.
 * Entries are never edited: a change is a new entry that corrects the one in force.
 */
export function DecisionHistory({ entries, currentId, showPay }: { entries: readonly HistoryEntry[]; currentId: string | null; showPay: boolean }) {
  if (entries.length === 0) return <p className="muted">No decision recorded yet.</p>;
  const number = new Map(entries.map((e, i) => [e.id, i + 1]));
  return (
    <ol className="decision-history" aria-label="Decision history">
      {entries.map((e, i) => {
        const corrected = e.correctsId ? entries.find((x) => x.id === e.correctsId) : undefined;
        return (
          <li key={e.id} className="decision-entry" id={`decision-${e.id}`}>
            <p className="decision-entry-title">
              <strong>
                {e.correctsId ? `Correction (entry ${i + 1})` : `Decision (entry ${i + 1})`}: {OUTCOME_LABELS[e.outcome]}
                {e.outcome === "hire" && e.level ? ` at ${e.level}` : ""}
              </strong>{" "}
              {e.id === currentId ? <span className="badge badge-current">In force</span> : <span className="badge badge-previous">Corrected</span>}
            </p>
            <dl className="facts">
              <div className="fact-row">
                <dt>Recorded by</dt>
                <dd>
                  {e.decidedByName}, <LocalTime value={e.decidedAt} />
                </dd>
              </div>
              {corrected ? (
                <div className="fact-row">
                  <dt>Corrects</dt>
                  <dd>
                    <a href={`#decision-${corrected.id}`}>
                      entry {number.get(corrected.id)} ({OUTCOME_LABELS[corrected.outcome]}
                      {corrected.outcome === "hire" && corrected.level ? ` at ${corrected.level}` : ""}, by {corrected.decidedByName})
                    </a>
                  </dd>
                </div>
              ) : null}
              <div className="fact-row">
                <dt>Level</dt>
                <dd>{e.level ?? "—"}</dd>
              </div>
              {showPay ? (
                <div className="fact-row">
                  <dt>Base salary</dt>
                  <dd>{e.baseSalary != null && e.currency ? formatMoney(e.baseSalary, e.currency) : "—"}</dd>
                </div>
              ) : null}
              {showPay && e.bandJustification ? (
                <div className="fact-row">
                  <dt>Outside the band because</dt>
                  <dd className="pre-line">{e.bandJustification}</dd>
                </div>
              ) : null}
              {e.overrides && e.overrides.length > 0 ? (
                <div className="fact-row">
                  <dt>Confirmed overrides</dt>
                  <dd>
                    <p>{e.overrides.map((o) => OVERRIDE_LABELS[o]).join("; ")}.</p>
                    {e.overrideJustification ? <p className="pre-line">Why: {e.overrideJustification}</p> : null}
                  </dd>
                </div>
              ) : null}
              <div className="fact-row">
                <dt>Rationale</dt>
                <dd className="pre-line">{e.rationale}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
