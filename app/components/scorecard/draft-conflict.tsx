// Shown when another tab or window saved this draft after this page: nothing was overwritten, and the person chooses which text to keep.
import { forwardRef } from "react";
import { LocalTime } from "~/components/local-time";
import type { StageRubric } from "~/domain/scorecard/content";
import type { CurrentDraft } from "~/domain/scorecard/draft-save";
import { ScorecardContentView } from "./scorecard-view";

type Props = { stage: StageRubric; current: CurrentDraft; onKeepMine: () => void; onTakeNewer: () => void };

/** The newer version, read-only, beside the form that still holds this page's text; two explicit choices. */
export const DraftConflict = forwardRef<HTMLHeadingElement, Props>(function DraftConflict({ stage, current, onKeepMine, onTakeNewer }, headingRef) {
  return (
    <section id="draft-conflict" className="draft-conflict" aria-labelledby="draft-conflict-title">
      <h2 id="draft-conflict-title" ref={headingRef} tabIndex={-1}>
        A newer version of this scorecard was saved elsewhere
      </h2>
      <p role="alert">
        This scorecard was saved in another tab or window
        {current.savedAt ? (
          <>
            {" "}
            at <LocalTime value={current.savedAt} precision="second" />
          </>
        ) : null}
        , after this page last loaded or saved it. Nothing has been overwritten: what you typed here is still in the form below
        (and kept in this browser), but it is not saved. The newer version is shown here.
      </p>
      <div className="row draft-conflict-choices">
        <button type="button" className="button" onClick={onKeepMine}>
          Keep my version
        </button>
        <button type="button" className="button button-secondary" onClick={onTakeNewer}>
          Use the newer version
        </button>
      </div>
      <p className="muted small">
        “Keep my version” saves the text in the form below over the newer version. “Use the newer version” replaces the form’s text with
        it.
      </p>
      <details open className="draft-conflict-newer">
        <summary>The newer version (version {current.version})</summary>
        <div aria-label="The newer version" role="group">
          <ScorecardContentView stage={stage} content={current.content} idPrefix="newer" />
        </div>
      </details>
    </section>
  );
});
