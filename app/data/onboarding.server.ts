import type { HireTerms } from "~/domain/hire-onboarding";
import { normaliseEmail } from "~/domain/login-throttle";
import { conflict, type WordedRefusal } from "~/domain/refusal";
import { recordChange, type AuditActor } from "./audit.server";
import { prisma } from "./db.server";
import { markOnboarded } from "./candidate-pipeline.server";

/**
 * Creates the hired candidate's account (builder role, the given temporary password hash, which
 * they must replace when they first sign in) and builder record at the hire's terms, with "hired"
 * as the first entry of their level history, in one transaction with its audit entry. Refused when an account with the candidate's email already exists.
 */
export async function createBuilderFromHire(input: {
  candidate: { id: string; name: string; email: string };
  loop: { rubricVersionId: string; track: string };
  terms: HireTerms;
  managerId: string | undefined;
  startedAt: Date;
  passwordHash: string;
  actor: AuditActor;
  now: Date;
}): Promise<{ ok: true; userId: string } | WordedRefusal> {
  const email = normaliseEmail(input.candidate.email);
  return prisma.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (taken) return conflict(`An account for ${input.candidate.email} already exists.`);
    if (input.managerId) {
      const manager = await tx.userRole.findUnique({ where: { userId_role: { userId: input.managerId, role: "manager" } }, select: { user: { select: { deactivatedAt: true } } } });
      if (!manager) return conflict("The chosen manager does not hold the manager role.");
      if (manager.user.deactivatedAt) return conflict("The chosen manager's account is deactivated.");
    }
    const user = await tx.user.create({
      data: {
        email,
        name: input.candidate.name,
        createdAt: input.now,
        // Someone else chose it: its owner replaces it at the first sign-in.
        password: { create: { hash: input.passwordHash, mustChange: true } },
        roles: { create: [{ role: "builder" }] },
        builder: {
          create: {
            level: input.terms.level,
            track: input.loop.track,
            rubricVersionId: input.loop.rubricVersionId,
            managerId: input.managerId ?? null,
            startedAt: input.startedAt,
            baseSalary: input.terms.baseSalary,
            currency: input.terms.currency,
            levelHistory: { create: [{ level: input.terms.level, effectiveAt: input.startedAt, reason: "hired", hiringDecisionId: input.terms.decisionId }] },
          },
        },
      },
    });
    // About the candidate (their hire) and the new builder; the terms' level, never their pay.
    await recordChange(
      tx,
      input.actor,
      {
        action: "candidate.onboard",
        recordType: "candidate",
        recordId: input.candidate.id,
        candidateId: input.candidate.id,
        subjectUserId: user.id,
        detail: { userId: user.id, decisionId: input.terms.decisionId, level: input.terms.level, track: input.loop.track, managerId: input.managerId ?? null },
      },
      input.now,
    );
    // Their pipeline status says hired too (a hire decision normally set it already).
    await markOnboarded(tx, { candidateId: input.candidate.id, actor: input.actor, now: input.now });
    return { ok: true as const, userId: user.id };
  });
}
