// Your own account: who you are signed in as, your password, and signing out of every browser at once.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { countActiveSessions } from "~/data/sessions.server";
import { ROLE_LABELS } from "~/domain/roles";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Your account · Builder Ladder" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    name: user.name,
    email: user.email,
    roles: user.roles.map((r) => ROLE_LABELS[r]),
    sessions: await countActiveSessions(user.id, new Date()),
    passwordChanged: new URL(request.url).searchParams.get("password") === "changed",
  };
}

export default function AccountPage() {
  const { name, email, roles, sessions, passwordChanged } = useLoaderData<typeof loader>();
  return (
    <article className="page narrow stack" aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      {passwordChanged ? (
        <p className="notice" role="status">
          Your password is changed. Every other browser signed in as you has been signed out.
        </p>
      ) : null}
      <section className="panel" aria-labelledby="account-who">
        <h2 id="account-who">Signed in as</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{name}</dd>
          <dt>Email</dt>
          <dd>{email}</dd>
          <dt>Roles</dt>
          <dd>{roles.join(", ") || "None"}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="account-password">
        <h2 id="account-password">Password</h2>
        <p>
          <Link to="/account/password">Change your password</Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="account-reads">
        <h2 id="account-reads">Your data</h2>
        <p>
          <Link to="/account/reads">See who read your data</Link>
        </p>
        <p>
          <Link to="/account/export">Export your data</Link>: your builder record, promotion packets and projects, as one file.
        </p>
      </section>
      <section className="panel stack" aria-labelledby="account-sessions">
        <h2 id="account-sessions">Where you are signed in</h2>
        <p>
          {sessions === 1 ? "You are signed in on 1 browser or device: this one." : `You are signed in on ${sessions} browsers or devices, this one included.`}
        </p>
        <Form method="post" action="/account/sign-out-everywhere">
          <button type="submit" className="button button-danger">
            Sign out everywhere
          </button>
        </Form>
        <p className="muted">Ends every session of yours, this one too; you will sign in again here.</p>
      </section>
    </article>
  );
}
