import { randomBytes } from "node:crypto";
import { zodResolver } from "@hookform/resolvers/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormErrors } from "~/components/form-fields";
import { deactivateUser, inviteUser, listAccounts, listManagerChoices, reactivateUser, resendInvite, setBuilderManager } from "~/data/accounts.server";
import { findUserById, setUserRoles } from "~/data/users.server";
import { mintAccountToken } from "~/domain/accounts";
import { checkRoleChange, type RoleChangeRefusal } from "~/domain/permissions";
import { forbidden, invalidField, notFound, type Invalid, type WordedRefusal } from "~/domain/refusal";
import { ROLE_LABELS, ROLES } from "~/domain/roles";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { requestNow } from "~/utils/clock.server";
import { badRequest, formSaved, parseForm, readFormData, type FieldErrors } from "~/utils/forms.server";
import { failureResponse, refusalResponse } from "~/utils/refusals.server";
import { AccountControls, type AccountRow } from "./account-controls";
import { InvitePanel } from "./invite-panel";
import { AdminUsersActionSchema, SetRolesSchema, type SetRolesForm } from "./schema";

export const meta: MetaFunction = () => [{ title: "Users · Builder Ladder" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireUserWithPermission(request, "manage:user:any");
  const now = requestNow(request);
  const [accounts, managers] = await Promise.all([listAccounts(), listManagerChoices()]);
  const users: AccountRow[] = accounts.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
    invitation: u.invitation
      ? { expiresAt: u.invitation.expiresAt?.toISOString() ?? null, live: u.invitation.expiresAt !== null && u.invitation.expiresAt > now }
      : null,
    builder: u.builder,
  }));
  return { users, managers, me: admin.id };
}

/** A role change the rules refuse, in the one vocabulary: no role at all is bad input (400, beside the roles); one's own admin role is not one's to remove (403, as deactivating oneself). */
const ROLE_CHANGE_REFUSALS: Record<RoleChangeRefusal, WordedRefusal | Invalid> = {
  "no-roles": invalidField("roles", "Every user needs at least one role."),
  "own-admin-removal": forbidden("You cannot remove your own admin role; ask another admin."),
};

/**
 * A refusal about the value of one field (an email someone already has): the status and body of
 * refusalResponse, its message beside that field rather than above the form.
 */
function refusalAtField(field: string, refusal: WordedRefusal) {
  const answer = refusalResponse(refusal);
  return data({ ...answer.data, fieldErrors: { [field]: [refusal.message] } as FieldErrors, formErrors: [] as string[] }, answer.init ?? undefined);
}

/**
 * The users page's forms, told apart by `intent`: roles, invite, resend-invite, deactivate,
 * reactivate, manager. Every one is for admins (manage:user:any) and audited.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "manage:user:any");
  const parsed = parseForm(AdminUsersActionSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const form = parsed.data;
  const actor = auditActor(admin, context);
  const now = requestNow(request);

  switch (form.intent) {
    case "roles": {
      const target = await findUserById(form.userId);
      if (!target) return refusalResponse(notFound("No such user: reload the page."));
      const refusal = checkRoleChange(admin, target, form.roles);
      if (refusal) return failureResponse(ROLE_CHANGE_REFUSALS[refusal]);
      await setUserRoles(target.id, form.roles, actor, now);
      return formSaved();
    }
    case "invite": {
      const minted = mintAccountToken("invite", now, randomBytes);
      const invited = await inviteUser({ name: form.name, email: form.email, roles: form.roles, minted, invitedBy: admin.name, actor, now });
      if (!invited.ok) return refusalAtField("email", invited);
      return formSaved();
    }
    case "resend-invite": {
      const minted = mintAccountToken("invite", now, randomBytes);
      const sent = await resendInvite({ userId: form.userId, minted, invitedBy: admin.name, actor, now });
      if (!sent.ok) return refusalResponse(sent);
      return formSaved();
    }
    case "deactivate": {
      const done = await deactivateUser({ userId: form.userId, actor, now });
      if (!done.ok) return refusalResponse(done);
      return formSaved();
    }
    case "reactivate": {
      const done = await reactivateUser({ userId: form.userId, actor, now });
      if (!done.ok) return refusalResponse(done);
      return formSaved();
    }
    case "manager": {
      const done = await setBuilderManager({ builderId: form.userId, managerId: form.managerId || null, actor, now });
      if (!done.ok) return failureResponse(done);
      return formSaved();
    }
  }
}

export default function UsersPage() {
  const { users, managers, me } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="users-title">
      <h1 id="users-title">Users and roles</h1>
      <p className="lede">A person may hold several roles. Changes apply at their next page load; a deactivated account is signed out at once.</p>
      <InvitePanel />
      <ul className="user-list">
        {users.map((user) => (
          <li key={user.id} className="user-card">
            <RoleEditor user={user} />
            <AccountControls user={user} managers={managers} isSelf={user.id === me} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RoleEditor({ user }: { user: AccountRow }) {
  const fetcher = useFetcher<typeof action>();
  const form = useForm<SetRolesForm>({
    resolver: zodResolver(SetRolesSchema),
    defaultValues: { intent: "roles", userId: user.id, roles: user.roles },
  });
  const headingId = `user-${user.id}`;
  const fieldError = form.formState.errors.roles?.message ?? fetcher.data?.fieldErrors?.roles?.[0];
  const saved = fetcher.state === "idle" && fetcher.data?.ok === true;

  return (
    <fetcher.Form
      method="post"
      className="stack tight"
      aria-labelledby={headingId}
      noValidate
      onSubmit={form.handleSubmit((_v, event) => fetcher.submit(event?.target as HTMLFormElement))}
    >
      <h2 id={headingId} className="user-card-title">
        {user.name} <span className="muted">{user.email}</span>
      </h2>
      <input type="hidden" {...form.register("intent")} />
      <input type="hidden" {...form.register("userId")} />
      <fieldset aria-describedby={fieldError ? `${headingId}-error` : undefined}>
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
      {fieldError ? (
        <p id={`${headingId}-error`} className="field-error" role="alert">
          {fieldError}
        </p>
      ) : null}
      <FormErrors errors={fetcher.data?.formErrors} />
      <div className="row">
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          Save roles
        </button>
        {saved ? (
          <span role="status" className="muted">
            Saved
          </span>
        ) : null}
      </div>
    </fetcher.Form>
  );
}
