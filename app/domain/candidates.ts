// Where Builder candidates come from (the role document's sourcing strategy).
export const CANDIDATE_SOURCES = ["founder", "product_engineer", "technical_pm", "other"] as const;
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number];

export const CANDIDATE_SOURCE_LABELS: Record<CandidateSource, string> = {
  founder: "Founder or indie hacker",
  product_engineer: "Senior engineer with product aspirations",
  technical_pm: "Technically minded product manager",
  other: "Other",
};

export function candidateSourceLabel(source: string): string {
  return (CANDIDATE_SOURCE_LABELS as Record<string, string>)[source] ?? source;
}
