import { LocalTime } from "./local-time";

export type DecisionSummary = { outcome: "hire" | "no_hire"; level: string | null; decidedByName: string; decidedAt: Date };

/** The hiring decision in force on a loop, without pay (shown wherever the loop is). */
export function DecisionBadge({ decision }: { decision: DecisionSummary | null }) {
  if (!decision) return <span className="badge badge-previous">No decision yet</span>;
  return (
    <span className="decision-summary">
      <span className={`badge ${decision.outcome === "hire" ? "badge-current" : "badge-removed"}`}>
        {decision.outcome === "hire" ? `Decision: hire at ${decision.level}` : "Decision: no hire"}
      </span>{" "}
      <span className="muted small">
        by {decision.decidedByName}, <LocalTime value={decision.decidedAt} />
      </span>
    </span>
  );
}
