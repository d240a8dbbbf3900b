// A reset link: its holder chooses a new password, every session of the account ends, and this browser is signed in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoosePasswordForm } from "~/components/choose-password-form";
import { linkAction, linkPage } from "~/utils/account-links.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Builder Ladder" }];

/** Anyone holding the link (no session needed); a link that does not work answers 404, whatever the reason. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return linkPage("reset", request, params.token);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return linkAction("reset", request, params.token, context);
}

export default function ResetPasswordPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (!page.live || (answer && "live" in answer && !answer.live)) {
    return (
      <section className="page auth-page" aria-labelledby="reset-title">
        <h1 id="reset-title">This link does not work</h1>
        <p>{page.live ? answer?.formErrors?.[0] : page.message}</p>
        <p>
          <Link to="/password/forgot">Ask for a new link</Link> · <Link to="/login">Go to sign in</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="page auth-page" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      <p className="lede">For {page.email}. Every browser signed in to this account will be signed out.</p>
      <ChoosePasswordForm email={page.email} answer={answer} submitLabel="Change password and sign in" />
    </section>
  );
}
