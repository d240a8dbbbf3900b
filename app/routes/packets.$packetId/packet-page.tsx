import { Link } from "@remix-run/react";
import { useCallback, useMemo, useState } from "react";
import { AssessmentSection } from "~/components/packet/assessment-section";
import { CoveragePanel } from "~/components/packet/coverage-panel";
import { DecisionForm, DecisionView } from "~/components/packet/decision-section";
import { EvidenceSection, type EditingTags } from "~/components/packet/evidence-section";
import { PayPanel } from "~/components/packet/pay-panel";
import { PeersSection } from "~/components/packet/peers-section";
import { SummarySection } from "~/components/packet/summary-section";
import type { PacketPageData } from "~/views/packet-page";
import { LocalTime } from "~/components/local-time";
import { WorkflowSection } from "~/components/packet/workflow-section";
import { evidenceBackingSummary } from "~/domain/project/outcome";
import { PACKET_STATUSES, PACKET_STATUS_LABELS } from "~/domain/promotion/workflow";

/**
 * One packet, for whoever may read it. While it is a draft the builder and manager edit it and
 * coverage follows the evidence form as it is filled in; once submitted everyone reads the frozen
 * snapshot, and the committee sees pay and decides. Printing gives the case without the forms.
 */
export function PacketPage({ data }: { data: PacketPageData }) {
  const { packet, builder } = data;
  const [editing, setEditing] = useState<EditingTags>(null);
  const onEditingTags = useCallback((tags: EditingTags) => setEditing(tags), []);

  // Coverage of the saved evidence, with the item being edited replaced by what its form holds now.
  const evidence = useMemo(() => {
    const saved = data.evidence.map((e) => ({ id: e.id, criteria: e.criteria, competencies: e.competencies }));
    if (!editing) return saved;
    const others = saved.filter((e) => e.id !== editing.key);
    return [...others, { id: editing.key, criteria: editing.criteria, competencies: editing.competencies }];
  }, [data.evidence, editing]);

  return (
    <article className="page packet-page" aria-labelledby="packet-title">
      <nav className="breadcrumbs no-print" aria-label="Breadcrumbs">
        <Link to="/packets">Promotion packets</Link> › <Link to={`/builders/${builder.userId}`}>{builder.name}</Link>
      </nav>
      <header className="page-header">
        <h1 id="packet-title">
          {builder.isViewer ? "Your packet" : builder.name}: {packet.fromLevel} → {packet.targetLevel} {packet.targetTitle}
        </h1>
        <ol className="packet-steps" aria-label="Status">
          {PACKET_STATUSES.map((s) => (
            <li key={s} aria-current={s === packet.status ? "step" : undefined} className={s === packet.status ? "current" : undefined}>
              {PACKET_STATUS_LABELS[s]}
            </li>
          ))}
        </ol>
        <p className="muted small">
          Read against{" "}
          <Link to={`/rubrics/${packet.rubricVersion.track}/v${packet.rubricVersion.version}/levels`}>
            {packet.rubricVersion.name} v{packet.rubricVersion.version}
          </Link>
          {" · "}Manager: {builder.managerName ?? "none"}
          {packet.submittedAt ? (
            <>
              {" "}
              · Submitted by {packet.submittedByName}, <LocalTime value={packet.submittedAt} /> — this is the frozen snapshot
            </>
          ) : (
            <>
              {" "}
              · Last saved by {packet.updatedByName}, <LocalTime value={packet.updatedAt} />
            </>
          )}
        </p>
        {data.evidence.some((e) => e.project && !e.outcomeWithheld) ? (
          <p className="evidence-backing" data-testid="evidence-backing">
            {evidenceBackingSummary(data.evidence)}
          </p>
        ) : null}
        <div className="row no-print">
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </div>
      </header>

      <div className="packet-layout">
        <div className="packet-main stack">
          <DecisionView data={data} />
          <SummarySection data={data} />
          <EvidenceSection data={data} onEditingTags={onEditingTags} />
          <AssessmentSection data={data} />
        </div>
        <aside className="packet-side stack" aria-label="Coverage, pay and workflow">
          <CoveragePanel needs={data.coverageNeeds} evidence={evidence} unsaved={editing !== null} />
          <PayPanel data={data} />
          <WorkflowSection data={data} />
          {data.access.decide ? <DecisionForm data={data} /> : null}
          <PeersSection data={data} />
        </aside>
      </div>
    </article>
  );
}
