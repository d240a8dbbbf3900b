// A forgotten password: anyone may ask for a reset link; the answer never says whether the address has an account.
import { randomBytes } from "node:crypto";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormErrors, TextField } from "~/components/form-fields";
import { findActiveAccount, issueResetLink } from "~/data/accounts.server";
import { recordResetRequest, resetRequestsFor } from "~/data/reset-requests.server";
import { decideResetRequest, mintAccountToken, RESET_ANSWER_MS, resetRequestsSince } from "~/domain/accounts";
import { normaliseEmail } from "~/domain/login-throttle";
import { tooManyAttempts } from "~/utils/auth.server";
import { requestNow } from "~/utils/clock.server";
import { answerNoSoonerThan } from "~/utils/even-timing.server";
import { badRequest, parseForm, readFormData } from "~/utils/forms.server";
import { passRetryAfter } from "~/utils/retry-after";
import { ForgotPasswordSchema, type ForgotPasswordForm } from "./schema";

export const meta: MetaFunction = () => [{ title: "Forgotten password · Builder Ladder" }];

// The 429's Retry-After reaches the response only through this export.
export const headers: HeadersFunction = passRetryAfter;

/** Open to everyone, signed in or not: it reads nothing. */
export async function loader() {
  return null;
}

/**
 * Asks for a reset link. Whether or not the address belongs to an active account, the same work
 * runs up to the account lookup (the throttle's read and record, one statement to find the
 * account, a token minted), the answer is the same, and it comes after the same time
 * (RESET_ANSWER_MS): only an active account gets a link (valid one hour), by email.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const startedAt = performance.now();
  const parsed = parseForm(ForgotPasswordSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);

  const now = requestNow(request);
  const email = normaliseEmail(parsed.data.email);
  const address = context.clientAddress;
  // The limits count every request, account or not, so a refusal says nothing about who has one.
  const decision = decideResetRequest(await resetRequestsFor(email, address, resetRequestsSince(now)), email, address, now);
  if (!decision.allowed) return tooManyAttempts(decision.retryAt, now, "Too many requests for a reset link");
  await recordResetRequest({ email, address, at: now });

  const account = await findActiveAccount(email);
  const minted = mintAccountToken("reset", now, randomBytes);
  if (account) await issueResetLink({ user: account, minted, address: address || null, now });
  await answerNoSoonerThan(startedAt, RESET_ANSWER_MS);
  return { ok: true as const, fieldErrors: {} as Record<string, string[] | undefined>, formErrors: [] as string[] };
}

export default function ForgotPasswordPage() {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const form = useForm<ForgotPasswordForm>({ resolver: zodResolver(ForgotPasswordSchema), defaultValues: { email: "" } });
  const busy = navigation.state === "submitting";

  if (answer?.ok) {
    return (
      <section className="page auth-page" aria-labelledby="forgot-title">
        <h1 id="forgot-title">Check your email</h1>
        <p role="status">
          If an account exists for that address, we have sent it a link to choose a new password. The link works once, for an hour. Nothing arrived? Check your
          spam folder, or ask an admin.
        </p>
        <p>
          <Link to="/login">Back to sign in</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="page auth-page" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Forgotten password</h1>
      <p className="lede">Enter the email address you sign in with. If it belongs to an account, we will email it a link to choose a new password.</p>
      <Form method="post" noValidate className="stack" onSubmit={form.handleSubmit((_values, event) => submit(event?.target as HTMLFormElement))}>
        <FormErrors errors={answer?.formErrors} />
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          error={form.formState.errors.email?.message ?? answer?.fieldErrors?.email?.[0]}
          {...form.register("email")}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Sending…" : "Send me a link"}
        </button>
      </Form>
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
