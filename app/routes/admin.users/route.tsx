import { zodResolver } from "@hookform/resolvers/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormErrors } from "~/components/form-fields";
import { findUserById, listUsers, setUserRoles, type UserSummary } from "~/data/users.server";
import { checkRoleChange } from "~/domain/permissions";
import { ROLE_LABELS, ROLES } from "~/domain/roles";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { badRequest, formError, formSaved, parseForm, readFormData } from "~/utils/forms.server";
import { SetRolesSchema, type SetRolesForm } from "./schema";

export const meta: MetaFunction = () => [{ title: "Users · Builder Ladder" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:user:any");
  return { users: await listUsers() };
}

const REFUSALS = {
  "no-roles": "Every user needs at least one role.",
  "own-admin-removal": "You cannot remove your own admin role; ask another admin.",
} as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "manage:user:any");
  const parsed = parseForm(SetRolesSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);

  const target = await findUserById(parsed.data.userId);
  if (!target) throw data({ message: "No such user" }, { status: 404 });
  const refusal = checkRoleChange(admin, target, parsed.data.roles);
  if (refusal) return formError(REFUSALS[refusal]);

  await setUserRoles(target.id, parsed.data.roles, auditActor(admin, context), new Date());
  return formSaved();
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="users-title">
      <h1 id="users-title">Users and roles</h1>
      <p className="lede">A person may hold several roles. Changes apply at their next page load.</p>
      <ul className="user-list">
        {users.map((user) => (
          <li key={user.id}>
            <RoleEditor user={user} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RoleEditor({ user }: { user: UserSummary }) {
  const fetcher = useFetcher<typeof action>();
  const form = useForm<SetRolesForm>({
    resolver: zodResolver(SetRolesSchema),
    defaultValues: { userId: user.id, roles: user.roles },
  });
  const headingId = `user-${user.id}`;
  const fieldError = form.formState.errors.roles?.message ?? fetcher.data?.fieldErrors?.roles?.[0];
  const saved = fetcher.state === "idle" && fetcher.data?.ok === true;

  return (
    <fetcher.Form
      method="post"
      className="user-card"
      aria-labelledby={headingId}
      noValidate
      onSubmit={form.handleSubmit((_v, event) => fetcher.submit(event?.target as HTMLFormElement))}
    >
      <h2 id={headingId} className="user-card-title">
        {user.name} <span className="muted">{user.email}</span>
      </h2>
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
