import { redirect, type AppLoadContext } from "@remix-run/node";
import { findLinkHolder, redeemLink } from "~/data/accounts.server";
import { DEAD_LINK_MESSAGE, looksLikeAccountToken, type AccountTokenPurpose } from "~/domain/accounts";
import { ChooseNewPasswordSchema } from "~/domain/password-policy";
import { notFound, type WordedRefusal } from "~/domain/refusal";
import { requestNow } from "./clock.server";
import { badRequest, parseForm, readFormData } from "./forms.server";
import { hashPassword } from "./password.server";
import { refusalResponse } from "./refusals.server";
import { startSession } from "./session.server";

/**
 * The two one-time link pages (/account/welcome/$token, /password/reset/$token) work the same:
 * while the link works, its holder chooses a password, the link is used up, and they are signed
 * in. A link that does not work (unknown, used, expired, withdrawn, a deactivated account, the
 * other kind of link) always gets the same 404 page: which of these it is, is nobody's business.
 * It is a not_found refusal (domain/accounts' DEAD_LINK_MESSAGE), read or written, with `live: false`
 * for the page.
 */

/** Where the holder lands, signed in. */
const LANDING: Record<AccountTokenPurpose, string> = { invite: "/", reset: "/account?password=changed" };

function deadLink(purpose: AccountTokenPurpose, refusal: WordedRefusal = notFound(DEAD_LINK_MESSAGE[purpose])) {
  return refusalResponse(refusal, { live: false as const });
}

/** The page's data: who the link is for, or the dead-link answer. Reading a link never uses it up. */
export async function linkPage(purpose: AccountTokenPurpose, request: Request, token: string | undefined) {
  const holder = looksLikeAccountToken(token) ? await findLinkHolder(purpose, token, requestNow(request)) : null;
  if (!holder) return deadLink(purpose);
  return { ok: true as const, live: true as const, name: holder.name, email: holder.email };
}

/**
 * Chooses the password: the link first (a dead one is 404 whatever was sent), then the form (400
 * with field errors), then the one use of the link, and a new session for this browser.
 */
export async function linkAction(purpose: AccountTokenPurpose, request: Request, token: string | undefined, context: Pick<AppLoadContext, "clientAddress">) {
  const now = requestNow(request);
  if (!looksLikeAccountToken(token) || !(await findLinkHolder(purpose, token, now))) return deadLink(purpose);
  const parsed = parseForm(ChooseNewPasswordSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);

  const address = context.clientAddress || null;
  const redeemed = await redeemLink({ purpose, token, passwordHash: await hashPassword(parsed.data.newPassword), address, now });
  // Used meanwhile (another tab, a double click): the same dead-link answer.
  if (!redeemed.ok) return deadLink(purpose, redeemed);
  // A sign-in like any other: recorded, with a fresh session id (any session this browser carried ends).
  const setCookie = await startSession(request, redeemed.userId, now, { userId: redeemed.userId, address });
  throw redirect(LANDING[purpose], { headers: { "Set-Cookie": setCookie } });
}
