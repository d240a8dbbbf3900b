import { MIN_AGREEMENT_UNITS, MIN_AGREEMENT_VALUES } from "~/domain/rater-quality";
import { formatFigure, plural } from "./format";
import type { CommitteeEvidence } from "~/views/committee-page";

/** How far the loop's interviewers agree, with the method named and its caveats. */
export function RaterAgreement({ agreement }: { agreement: CommitteeEvidence["agreement"] }) {
  return (
    <section className="panel" aria-labelledby="agreement-title" id="agreement">
      <h2 id="agreement-title">Rater agreement</h2>
      <dl className="facts">
        <div className="fact-row">
          <dt>Method</dt>
          <dd>{agreement.method}</dd>
        </div>
        <div className="fact-row">
          <dt>Agreement</dt>
          <dd>
            <strong className="agreement-figure">{agreement.alpha === null ? "Undefined" : formatFigure(agreement.alpha)}</strong>
          </dd>
        </div>
        <div className="fact-row">
          <dt>Based on</dt>
          <dd>
            {plural(agreement.units, "criterion", "criteria")} rated by two or more interviewers ({plural(agreement.values, "rating")})
          </dd>
        </div>
      </dl>
      {agreement.note ? <p className="notice">{agreement.note}.</p> : null}
      <p className="muted small">
        1 means the interviewers agree perfectly, 0 about as much as chance would, and below 0 they disagree systematically. Below{" "}
        {MIN_AGREEMENT_UNITS} shared criteria or {MIN_AGREEMENT_VALUES} shared ratings the figure is a small sample.
      </p>
    </section>
  );
}
