import type { CommitteeData } from "~/routes/loops.$loopId.committee/committee-page";

/** What the committee page's loader sends, by part (see app/routes/loops.$loopId.committee/route.tsx). */
export type { CommitteeData };
export type CommitteeEvidence = NonNullable<CommitteeData["evidence"]>;
export type CommitteePay = NonNullable<CommitteeData["pay"]>;
export type CommitteeAggregate = CommitteeEvidence["aggregate"];
export type CommitteeScorecardSummary = CommitteeEvidence["scorecards"][number];
export type CommitteeStage = CommitteeData["stages"][number];
