import { describe, expect, it } from "vitest";
import { CandidateFormSchema } from "~/domain/candidate-form";

const base = { name: "Kwame Asante", email: "kwame@mail.example", source: "other", targetLevel: "L4" };

describe("a candidate's data protection fields", () => {
  it("default to the usual case: an application, held on legitimate interest", () => {
    expect(CandidateFormSchema.parse(base)).toMatchObject({ dataOrigin: "applied", dataOriginDetail: "", legalBasis: "legitimate_interest", consentGivenOn: undefined });
    expect(CandidateFormSchema.parse(base).noticeSentOn).toBeUndefined();
  });

  it("need the date consent was given when consent is the basis, and keep it only then", () => {
    const missing = CandidateFormSchema.safeParse({ ...base, legalBasis: "consent" });
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["consentGivenOn", "Enter the date the candidate gave consent"]]);
    expect(CandidateFormSchema.parse({ ...base, legalBasis: "consent", consentGivenOn: "2026-11-02" }).consentGivenOn).toBe("2026-11-02");
    expect(CandidateFormSchema.parse({ ...base, legalBasis: "legitimate_interest", consentGivenOn: "2026-11-02" }).consentGivenOn).toBeUndefined();
  });

  it("refuses unknown origins and bases, impossible dates and an oversize detail", () => {
    for (const bad of [
      { dataOrigin: "linkedin" },
      { legalBasis: "because" },
      { legalBasis: "consent", consentGivenOn: "2026-02-30" },
      { noticeSentOn: "yesterday" },
      { dataOriginDetail: "x".repeat(201) },
      { dataOrigin: ["applied", "referral"] },
    ]) {
      expect(CandidateFormSchema.safeParse({ ...base, ...bad }).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
    }
    expect(CandidateFormSchema.parse({ ...base, dataOrigin: "referral", dataOriginDetail: "  Referred by Grace Kim ", noticeSentOn: "2026-11-03" })).toMatchObject({
      dataOrigin: "referral",
      dataOriginDetail: "Referred by Grace Kim",
      noticeSentOn: "2026-11-03",
    });
  });
});
