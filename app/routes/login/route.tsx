import { zodResolver } from "@hookform/resolvers/zod";
import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormErrors, TextField } from "~/components/form-fields";
import { safeRedirectPath } from "~/domain/session-policy";
import { auditActor } from "~/utils/audit.server";
import { checkPassword, getUser, tooManyAttempts } from "~/utils/auth.server";
import { badRequest, formError, parseForm, readFormData } from "~/utils/forms.server";
import { passRetryAfter } from "~/utils/retry-after";
import { startSession } from "~/utils/session.server";
import { LoginSchema, type LoginForm } from "./schema";

export const meta: MetaFunction = () => [{ title: "Sign in · Builder Ladder" }];

// Without this export the 429's Retry-After never reaches the browser (document or .data request).
export const headers: HeadersFunction = passRetryAfter;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);

  const now = new Date();
  const result = await checkPassword({ ...parsed.data, address: context.clientAddress, now });
  if (result.kind === "throttled") return tooManyAttempts(result.retryAt, now);
  if (result.kind === "invalid") return formError("That email and password do not match an account.");

  const setCookie = await startSession(request, result.user.id, now, auditActor(result.user, context));
  // A password someone else chose (onboarding) is replaced before anything else.
  const next = result.user.mustChangePassword ? "/account/password" : safeRedirectPath(parsed.data.redirectTo);
  throw redirect(next, { headers: { "Set-Cookie": setCookie } });
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const submit = useSubmit();
  const form = useForm<LoginForm>({
    resolver: zodResolver(LoginSchema),
    defaultValues: { email: "", password: "", redirectTo: searchParams.get("redirectTo") ?? undefined },
  });
  const errors = form.formState.errors;
  const serverErrors = actionData?.fieldErrors;

  return (
    <section className="page auth-page" aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      <p className="lede">Hiring and career levelling for Builders, read against one versioned rubric.</p>
      <Form
        method="post"
        noValidate
        className="stack"
        onSubmit={form.handleSubmit((_values, event) => submit(event?.target as HTMLFormElement))}
      >
        <FormErrors errors={actionData?.formErrors} />
        <input type="hidden" {...form.register("redirectTo")} />
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          error={errors.email?.message ?? serverErrors?.email?.[0]}
          {...form.register("email")}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password?.message ?? serverErrors?.password?.[0]}
          {...form.register("password")}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
        </button>
      </Form>
      <p>
        <Link to="/password/forgot">Forgotten your password?</Link>
      </p>
    </section>
  );
}
