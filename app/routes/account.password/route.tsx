// Changing one's own password: the current one proves it is you (and counts toward the sign-in throttle), every other session ends.
import { zodResolver } from "@hookform/resolvers/zod";
import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormErrors, TextField } from "~/components/form-fields";
import { replacePasswordAndEndSessions } from "~/data/users.server";
import { auditActor } from "~/utils/audit.server";
import { checkPassword, requireUserForPasswordChange, tooManyAttempts } from "~/utils/auth.server";
import { badRequest, parseForm, readFormData } from "~/utils/forms.server";
import { hashPassword } from "~/utils/password.server";
import { passRetryAfter } from "~/utils/retry-after";
import { startSession } from "~/utils/session.server";
import { ChangePasswordSchema, NEW_PASSWORD_MIN_CHARACTERS, type ChangePasswordForm } from "./schema";

export const meta: MetaFunction = () => [{ title: "Change your password · Builder Ladder" }];

// The 429's Retry-After reaches the response only through this export.
export const headers: HeadersFunction = passRetryAfter;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserForPasswordChange(request);
  return { email: user.email, mustChange: user.mustChangePassword };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserForPasswordChange(request);
  const parsed = parseForm(ChangePasswordSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);

  const now = new Date();
  // The same check as signing in: throttled, recorded, so this form is no way around the limits.
  const check = await checkPassword({ email: user.email, password: parsed.data.currentPassword, address: context.clientAddress, now });
  if (check.kind === "throttled") {
    return tooManyAttempts(check.retryAt, now, "Too many wrong passwords for this account. For its safety, password checks are paused");
  }
  if (check.kind === "invalid") {
    return badRequest({ fieldErrors: { currentPassword: ["That is not your current password"] }, formErrors: [] });
  }

  await replacePasswordAndEndSessions(user.id, await hashPassword(parsed.data.newPassword), auditActor(user, context), now);
  // Every session ended above, this one included; this browser continues under a new id.
  const setCookie = await startSession(request, user.id, now);
  throw redirect("/account?password=changed", { headers: { "Set-Cookie": setCookie } });
}

export default function ChangePasswordPage() {
  const { email, mustChange } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const form = useForm<ChangePasswordForm>({
    resolver: zodResolver(ChangePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const errors = form.formState.errors;
  const serverErrors = answer?.fieldErrors as Partial<Record<keyof ChangePasswordForm, string[]>> | undefined;
  const error = (name: keyof ChangePasswordForm) => errors[name]?.message ?? serverErrors?.[name]?.[0];

  return (
    <section className="page narrow" aria-labelledby="password-title">
      {mustChange ? null : (
        <p className="breadcrumbs">
          <Link to="/account">Your account</Link> / Password
        </p>
      )}
      <h1 id="password-title">{mustChange ? "Choose your own password" : "Change your password"}</h1>
      {mustChange ? (
        <p className="notice">
          You signed in with a temporary password someone else chose. Choose your own before you go on; you will need it to sign in as {email}.
        </p>
      ) : (
        <p className="lede">Signed in as {email}. Changing your password signs you out everywhere else.</p>
      )}
      <Form
        method="post"
        noValidate
        className="panel stack"
        onSubmit={form.handleSubmit((_values, event) => submit(event?.target as HTMLFormElement))}
      >
        <FormErrors errors={answer?.formErrors} />
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label={mustChange ? "Temporary password" : "Current password"}
          type="password"
          autoComplete="current-password"
          error={error("currentPassword")}
          {...form.register("currentPassword")}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${NEW_PASSWORD_MIN_CHARACTERS} characters. A few unrelated words make a long password that is easy to remember.`}
          error={error("newPassword")}
          {...form.register("newPassword")}
        />
        <TextField
          label="New password again"
          type="password"
          autoComplete="new-password"
          error={error("confirmPassword")}
          {...form.register("confirmPassword")}
        />
        <div className="row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Changing…" : "Change password"}
          </button>
        </div>
      </Form>
    </section>
  );
}
