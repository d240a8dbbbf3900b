import { Prisma } from "~/generated/prisma/client";
import { DEAD_LINK_MESSAGE, deactivationRefusal, managerChoiceProblem, reactivationRefusal, tokenProblem, type AccountTokenPurpose } from "~/domain/accounts";
import { normaliseEmail } from "~/domain/login-throttle";
import { accountEmail } from "~/domain/notifications/events";
import { conflict, invalid, notFound, type Invalid, type WordedRefusal } from "~/domain/refusal";
import { normaliseRoles, type Role } from "~/domain/roles";
import { getConfig } from "~/utils/env.server";
import { recordChange, sha256, type AuditActor, type PersonActor } from "./audit.server";
import { prisma } from "./db.server";
import { queueEmail } from "./notifications.server";
import type { UserSummary } from "./users.server";

/**
 * Accounts: invitations, one-time links (invite, reset), deactivation and a builder's manager.
 * A link's token is never stored: only its SHA-256, so a copy of the database opens no account.
 * Each change commits with its audit entry and, for a link, its email (outbox), or not at all.
 * A write that does not happen returns a refusal (domain/refusal.ts), worded for the admin or the
 * link's holder, and writes nothing.
 */

type Tx = Prisma.TransactionClient;

/** A token minted by domain/accounts (mintAccountToken): what the email carries and when it stops working. */
export type MintedToken = { token: string; expiresAt: Date };

const hashToken = (token: string) => sha256(token);

/** Stores a link's hash and queues its email, inside the caller's transaction. */
async function issueLink(
  tx: Tx,
  input: { user: { id: string; name: string; email: string }; purpose: AccountTokenPurpose; minted: MintedToken; invitedBy?: string; now: Date },
): Promise<void> {
  await tx.accountToken.create({
    data: { userId: input.user.id, purpose: input.purpose, tokenHash: hashToken(input.minted.token), createdAt: input.now, expiresAt: input.minted.expiresAt },
  });
  const mail = accountEmail(input.purpose, {
    origin: getConfig().appUrl,
    recipientName: input.user.name,
    token: input.minted.token,
    expiresAt: input.minted.expiresAt,
    invitedBy: input.invitedBy,
  });
  await queueEmail(tx, { to: input.user.email, subject: mail.subject, text: mail.text, now: input.now });
}

/** Withdraws a user's links that are still unused (of one purpose, or all): they stop working at once. */
async function withdrawLinks(tx: Tx, userId: string, purpose?: AccountTokenPurpose): Promise<number> {
  const { count } = await tx.accountToken.deleteMany({ where: { userId, usedAt: null, ...(purpose ? { purpose } : {}) } });
  return count;
}

const NO_SUCH_USER = () => notFound("No such user.");

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// ---- The admins' list ------------------------------------------------------------------------

export type AccountSummary = UserSummary & {
  deactivatedAt: Date | null;
  /** Invited and no password chosen yet: when the newest invitation link stops working (null: none left). */
  invitation: { expiresAt: Date | null } | null;
  /** Their builder record's manager, when they are a builder. */
  builder: { managerId: string | null; managerName: string | null } | null;
};

export async function listAccounts(): Promise<AccountSummary[]> {
  const rows = await prisma.user.findMany({
    include: {
      roles: { select: { role: true } },
      password: { select: { userId: true } },
      builder: { select: { managerId: true, manager: { select: { name: true } } } },
      accountTokens: { where: { purpose: "invite", usedAt: null }, select: { expiresAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
    orderBy: { name: "asc" },
  });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    roles: normaliseRoles(u.roles.map((r) => r.role)),
    deactivatedAt: u.deactivatedAt,
    invitation: u.password ? null : { expiresAt: u.accountTokens[0]?.expiresAt ?? null },
    builder: u.builder ? { managerId: u.builder.managerId, managerName: u.builder.manager?.name ?? null } : null,
  }));
}

// ---- Invitations -------------------------------------------------------------------------------

/** An address someone already has: the page shows it beside the invitation's email field. */
const EMAIL_TAKEN = () => conflict("An account with this email address already exists");

/**
 * Creates an account with no password (nobody can sign in to it until its owner chooses one
 * through the link), its invitation link and the email carrying it. An email already taken is a
 * conflict and writes nothing.
 */
export async function inviteUser(input: {
  name: string;
  email: string;
  roles: readonly Role[];
  minted: MintedToken;
  invitedBy: string;
  actor: PersonActor;
  now: Date;
}): Promise<{ ok: true; userId: string } | WordedRefusal> {
  const email = normaliseEmail(input.email);
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return EMAIL_TAKEN();
      const roles = normaliseRoles([...input.roles]);
      const user = await tx.user.create({
        data: { email, name: input.name, createdAt: input.now, roles: { create: roles.map((role) => ({ role })) } },
        select: { id: true, name: true, email: true },
      });
      await issueLink(tx, { user, purpose: "invite", minted: input.minted, invitedBy: input.invitedBy, now: input.now });
      await recordChange(tx, input.actor, { action: "user.invite", recordType: "user", recordId: user.id, subjectUserId: user.id, detail: { roles } }, input.now);
      return { ok: true as const, userId: user.id };
    });
  } catch (error) {
    // Two admins inviting the same address at once: the second meets the unique email.
    if (isUniqueViolation(error)) return EMAIL_TAKEN();
    throw error;
  }
}

/**
 * Sends a new invitation link to someone who has not chosen a password yet; the earlier link stops
 * working. Refused for nobody (not_found), and for someone who has a password or is deactivated
 * (conflict).
 */
export async function resendInvite(input: { userId: string; minted: MintedToken; invitedBy: string; actor: PersonActor; now: Date }): Promise<{ ok: true } | WordedRefusal> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, email: true, deactivatedAt: true, password: { select: { userId: true } } } });
    if (!user) return NO_SUCH_USER();
    if (user.password) return conflict("They have already chosen a password: there is no invitation to send.");
    if (user.deactivatedAt) return conflict("This account is deactivated: reactivate it before inviting them again.");
    const withdrawn = await withdrawLinks(tx, user.id, "invite");
    await issueLink(tx, { user, purpose: "invite", minted: input.minted, invitedBy: input.invitedBy, now: input.now });
    await recordChange(tx, input.actor, { action: "user.invite_resend", recordType: "user", recordId: user.id, subjectUserId: user.id, detail: { linksWithdrawn: withdrawn } }, input.now);
    return { ok: true as const };
  });
}

// ---- One-time links ----------------------------------------------------------------------------

/** The person a link is for, while it works (unused, unexpired, an active account); null otherwise, whatever the reason. */
export async function findLinkHolder(purpose: AccountTokenPurpose, token: string, now: Date): Promise<{ id: string; name: string; email: string } | null> {
  const row = await prisma.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, expiresAt: true, usedAt: true, user: { select: { id: true, name: true, email: true, deactivatedAt: true } } },
  });
  const problem = tokenProblem(row ? { ...row, userDeactivatedAt: row.user.deactivatedAt } : null, purpose, now);
  return problem || !row ? null : { id: row.user.id, name: row.user.name, email: row.user.email };
}

const REDEEMED_ACTION: Record<AccountTokenPurpose, string> = { invite: "account.invite_accept", reset: "account.password_reset" };

/**
 * Uses a link once: stores the chosen password (no longer one to change), marks the link used,
 * withdraws the account's other unused links and ends every session it has (a reset is often
 * because someone else might be signed in). The audit entry names the account as the actor, from
 * the request's address: the link proves its holder reads the account's email, as a password
 * proves it at sign-in. A link that does not work (domain/accounts' tokenProblem), or that another
 * use marked used meanwhile (two at once: only one marks it), is not_found, in the dead-link words.
 */
export async function redeemLink(input: {
  purpose: AccountTokenPurpose;
  token: string;
  passwordHash: string;
  address: string | null;
  now: Date;
}): Promise<{ ok: true; userId: string } | WordedRefusal> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.accountToken.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: { id: true, userId: true, purpose: true, expiresAt: true, usedAt: true, user: { select: { deactivatedAt: true } } },
    });
    const problem = tokenProblem(row ? { ...row, userDeactivatedAt: row.user.deactivatedAt } : null, input.purpose, input.now);
    if (problem || !row) return notFound(DEAD_LINK_MESSAGE[input.purpose]);
    const { count } = await tx.accountToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: input.now } });
    if (count !== 1) return notFound(DEAD_LINK_MESSAGE[input.purpose]);
    await tx.password.upsert({ where: { userId: row.userId }, create: { userId: row.userId, hash: input.passwordHash }, update: { hash: input.passwordHash, mustChange: false } });
    const linksWithdrawn = await withdrawLinks(tx, row.userId);
    const { count: sessionsEnded } = await tx.session.deleteMany({ where: { userId: row.userId } });
    const actor: AuditActor = { userId: row.userId, address: input.address };
    await recordChange(tx, actor, { action: REDEEMED_ACTION[input.purpose], recordType: "account", recordId: row.userId, subjectUserId: row.userId, detail: { sessionsEnded, linksWithdrawn } }, input.now);
    return { ok: true as const, userId: row.userId };
  });
}

// ---- Forgotten passwords -----------------------------------------------------------------------

/**
 * The active account for an email, in one statement whether or not there is one (both answers cost
 * the same). An invited person who has not chosen a password yet has an active account too: the
 * reset link then serves as a new invitation.
 */
export async function findActiveAccount(email: string): Promise<{ id: string; name: string; email: string } | null> {
  const rows = await prisma.$queryRaw<Array<{ id: string; name: string; email: string }>>`
    SELECT u."id", u."name", u."email" FROM "User" u WHERE u."email" = ${normaliseEmail(email)} AND u."deactivatedAt" IS NULL`;
  return rows[0] ?? null;
}

/**
 * Sends a reset link to an account. Asked for by whoever typed its address, signed out: the entry
 * names the account with the asker's address (as a sign-in does), marked as not signed in.
 */
export async function issueResetLink(input: { user: { id: string; name: string; email: string }; minted: MintedToken; address: string | null; now: Date }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await issueLink(tx, { user: input.user, purpose: "reset", minted: input.minted, now: input.now });
    const actor: AuditActor = { userId: input.user.id, address: input.address };
    await recordChange(tx, actor, { action: "account.password_reset_request", recordType: "account", recordId: input.user.id, subjectUserId: input.user.id, detail: { signedIn: false } }, input.now);
  });
}

// ---- Deactivation ------------------------------------------------------------------------------

async function accountFacts(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, deactivatedAt: true, roles: { select: { role: true } } } });
  return user ? { id: user.id, deactivatedAt: user.deactivatedAt, roles: normaliseRoles(user.roles.map((r) => r.role)) } : null;
}

/**
 * Deactivates an account: it cannot sign in, its sessions end in the same transaction and its
 * unused links are withdrawn. Everything it wrote stays, under its name. Refused as
 * domain/accounts' deactivationRefusal says (one's own account, the last admin, already done).
 */
export async function deactivateUser(input: { userId: string; actor: PersonActor; now: Date }): Promise<{ ok: true } | WordedRefusal> {
  return prisma.$transaction(async (tx) => {
    const target = await accountFacts(tx, input.userId);
    if (!target) return NO_SUCH_USER();
    const admins = await tx.user.findMany({ where: { deactivatedAt: null, roles: { some: { role: "admin" } } }, select: { id: true } });
    const refusal = deactivationRefusal({ id: input.actor.userId }, target, admins.map((a) => a.id));
    if (refusal) return refusal;
    await tx.user.update({ where: { id: target.id }, data: { deactivatedAt: input.now } });
    const { count: sessionsEnded } = await tx.session.deleteMany({ where: { userId: target.id } });
    const linksWithdrawn = await withdrawLinks(tx, target.id);
    await recordChange(tx, input.actor, { action: "user.deactivate", recordType: "user", recordId: target.id, subjectUserId: target.id, detail: { sessionsEnded, linksWithdrawn } }, input.now);
    return { ok: true as const };
  });
}

/** Lets a deactivated account sign in again with the password it had. */
export async function reactivateUser(input: { userId: string; actor: PersonActor; now: Date }): Promise<{ ok: true } | WordedRefusal> {
  return prisma.$transaction(async (tx) => {
    const target = await accountFacts(tx, input.userId);
    if (!target) return NO_SUCH_USER();
    const refusal = reactivationRefusal(target);
    if (refusal) return refusal;
    await tx.user.update({ where: { id: target.id }, data: { deactivatedAt: null } });
    await recordChange(tx, input.actor, { action: "user.reactivate", recordType: "user", recordId: target.id, subjectUserId: target.id, detail: { deactivatedAt: target.deactivatedAt?.toISOString() ?? null } }, input.now);
    return { ok: true as const };
  });
}

// ---- A builder's manager -----------------------------------------------------------------------

/** People who may manage a builder: active, with the manager role. */
export async function listManagerChoices(): Promise<Array<{ id: string; name: string }>> {
  return prisma.user.findMany({ where: { deactivatedAt: null, roles: { some: { role: "manager" } } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/**
 * Sets (or clears, with null) a builder's manager. Who reads the builder's record, packets and
 * projects as their manager follows at once: those rules read Builder.managerId. Someone without a
 * builder record is not_found. A manager chosen who cannot be one (domain/accounts'
 * managerChoiceProblem) is not a refusal but bad input that only the stored accounts can judge:
 * `invalid`, beside the form's manager field.
 */
export async function setBuilderManager(input: {
  builderId: string;
  managerId: string | null;
  actor: PersonActor;
  now: Date;
}): Promise<{ ok: true; changed: boolean } | WordedRefusal | Invalid> {
  return prisma.$transaction(async (tx) => {
    const builder = await tx.builder.findUnique({ where: { userId: input.builderId }, select: { userId: true, managerId: true } });
    if (!builder) return notFound("This person has no builder record.");
    if (input.managerId !== null) {
      const problem = managerChoiceProblem(builder.userId, await accountFacts(tx, input.managerId));
      if (problem) return invalid(problem, { managerId: [problem] });
    }
    // The same manager again changes nothing, so it records nothing.
    if (builder.managerId === input.managerId) return { ok: true as const, changed: false };
    await tx.builder.update({ where: { userId: builder.userId }, data: { managerId: input.managerId } });
    await recordChange(
      tx,
      input.actor,
      { action: "builder.manager", recordType: "builder", recordId: builder.userId, subjectUserId: builder.userId, detail: { from: builder.managerId, to: input.managerId } },
      input.now,
    );
    return { ok: true as const, changed: true };
  });
}
