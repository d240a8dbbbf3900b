// The form of the one-time link pages (an invitation, a reset): a new password, typed twice.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormErrors, TextField } from "~/components/form-fields";
import { ChooseNewPasswordSchema, NEW_PASSWORD_MIN_CHARACTERS, type ChooseNewPasswordForm } from "~/domain/password-policy";

type Answer = { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | undefined;

export function ChoosePasswordForm({ email, answer, submitLabel }: { email: string; answer: Answer; submitLabel: string }) {
  const navigation = useNavigation();
  const submit = useSubmit();
  const form = useForm<ChooseNewPasswordForm>({ resolver: zodResolver(ChooseNewPasswordSchema), defaultValues: { newPassword: "", confirmPassword: "" } });
  const errors = form.formState.errors;
  const error = (name: keyof ChooseNewPasswordForm) => errors[name]?.message ?? answer?.fieldErrors?.[name]?.[0];
  const busy = navigation.state === "submitting";
  return (
    <Form method="post" noValidate className="stack" onSubmit={form.handleSubmit((_values, event) => submit(event?.target as HTMLFormElement))}>
      <FormErrors errors={answer?.formErrors} />
      {/* For password managers: the account this password is for. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${NEW_PASSWORD_MIN_CHARACTERS} characters. A few unrelated words make a long password that is easy to remember.`}
        error={error("newPassword")}
        {...form.register("newPassword")}
      />
      <TextField label="New password again" type="password" autoComplete="new-password" error={error("confirmPassword")} {...form.register("confirmPassword")} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
