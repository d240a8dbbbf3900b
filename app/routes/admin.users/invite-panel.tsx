// Inviting a colleague: the account is made at once, without a password; the email's link lets them choose one.
import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { FormErrors, TextField } from "~/components/form-fields";
import { ROLE_LABELS, ROLES } from "~/domain/roles";
import type { action } from "./route";
import { InviteSchema, type InviteForm } from "./schema";

const EMPTY: InviteForm = { intent: "invite", name: "", email: "", roles: [] };

export function InvitePanel() {
  const fetcher = useFetcher<typeof action>();
  const id = useId();
  const form = useForm<InviteForm>({ resolver: zodResolver(InviteSchema), defaultValues: EMPTY });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errors = form.formState.errors;
  const server = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = (name: "name" | "email" | "roles") => errors[name]?.message ?? server?.fieldErrors?.[name]?.[0];

  // Once the invitation is sent, the form empties for the next one and says who was invited.
  useEffect(() => {
    if (server?.ok) {
      setSentTo(form.getValues("email"));
      form.reset(EMPTY);
    }
  }, [server, form]);

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Invite a colleague</h2>
      <p className="muted">They get an email with a link to choose their password; it works once, for 7 days.</p>
      <fetcher.Form
        method="post"
        noValidate
        className="stack tight"
        onSubmit={form.handleSubmit((_v, event) => {
          setSentTo(null);
          fetcher.submit(event?.target as HTMLFormElement);
        })}
      >
        <input type="hidden" {...form.register("intent")} />
        <TextField label="Name" autoComplete="off" error={error("name")} {...form.register("name")} />
        <TextField label="Email" type="email" autoComplete="off" error={error("email")} {...form.register("email")} />
        <fieldset aria-describedby={error("roles") ? `${id}-roles-error` : undefined}>
          <legend>Roles</legend>
          <div className="checkbox-grid">
            {ROLES.map((role) => (
              <label key={role} className="checkbox">
                <input type="checkbox" value={role} {...form.register("roles")} />
                {ROLE_LABELS[role]}
              </label>
            ))}
          </div>
        </fieldset>
        {error("roles") ? (
          <p id={`${id}-roles-error`} className="field-error" role="alert">
            {error("roles")}
          </p>
        ) : null}
        <FormErrors errors={server?.formErrors} />
        <div className="row">
          <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
            {fetcher.state === "idle" ? "Send invitation" : "Sending…"}
          </button>
          {sentTo ? (
            <span role="status" className="muted">
              Invitation sent to {sentTo}
            </span>
          ) : null}
        </div>
      </fetcher.Form>
    </section>
  );
}
