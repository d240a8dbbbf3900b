// An invitation's link: the invited person chooses their first password and is signed in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoosePasswordForm } from "~/components/choose-password-form";
import { linkAction, linkPage } from "~/utils/account-links.server";

export const meta: MetaFunction = () => [{ title: "Welcome · Builder Ladder" }];

/** Anyone holding the link (no session needed); a link that does not work answers 404, whatever the reason. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return linkPage("invite", request, params.token);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return linkAction("invite", request, params.token, context);
}

export default function WelcomePage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (!page.live || (answer && "live" in answer && !answer.live)) {
    return (
      <section className="page auth-page" aria-labelledby="welcome-title">
        <h1 id="welcome-title">This link does not work</h1>
        <p>{page.live ? answer?.formErrors?.[0] : page.message}</p>
        <p>
          <Link to="/login">Go to sign in</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="page auth-page" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome, {page.name}</h1>
      <p className="lede">Choose a password for {page.email}. You will use it to sign in to Builder Ladder.</p>
      <ChoosePasswordForm email={page.email} answer={answer} submitLabel="Choose password and sign in" />
    </section>
  );
}
