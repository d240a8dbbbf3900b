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

// Data protection: where a candidate's personal data came from, and the legal basis it is held on.
export const DATA_ORIGINS = ["applied", "referral", "sourced", "agency", "event", "other"] as const;
export type DataOrigin = (typeof DATA_ORIGINS)[number];
export const DATA_ORIGIN_LABELS: Record<DataOrigin, string> = {
  applied: "Applied (careers page or job board)",
  referral: "Referred by someone",
  sourced: "Sourced by a recruiter",
  agency: "Recruitment agency",
  event: "Event or meetup",
  other: "Other",
};

export const LEGAL_BASES = ["legitimate_interest", "consent", "pre_contract"] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  legitimate_interest: "Legitimate interest (recruiting for an open role)",
  consent: "Consent",
  pre_contract: "Steps before a contract, at the candidate's request",
};

export function dataOriginLabel(origin: string): string {
  return (DATA_ORIGIN_LABELS as Record<string, string>)[origin] ?? origin;
}

export function legalBasisLabel(basis: string): string {
  return (LEGAL_BASIS_LABELS as Record<string, string>)[basis] ?? basis;
}
