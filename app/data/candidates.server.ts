import { prisma } from "./db.server";

export type CandidateSummary = {
  id: string;
  name: string;
  source: string;
  targetLevel: string;
  createdAt: Date;
};

export async function listCandidates(): Promise<CandidateSummary[]> {
  return prisma.candidate.findMany({
    select: { id: true, name: true, source: true, targetLevel: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}
