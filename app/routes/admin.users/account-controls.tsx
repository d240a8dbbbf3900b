// One account's state and its admin controls: the invitation, deactivation, and a builder's manager.
import { useFetcher } from "@remix-run/react";
import { useId } from "react";
import { ConfirmSubmit } from "~/components/confirm-dialog";
import { FormErrors } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import type { Role } from "~/domain/roles";
import type { action } from "./route";

export type AccountRow = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  deactivatedAt: string | null;
  /** Not yet accepted: when the newest link stops working (null: none left), and whether it still works. */
  invitation: { expiresAt: string | null; live: boolean } | null;
  builder: { managerId: string | null; managerName: string | null } | null;
};

export function AccountControls({ user, managers, isSelf }: { user: AccountRow; managers: Array<{ id: string; name: string }>; isSelf: boolean }) {
  return (
    <div className="stack tight">
      <AccountState user={user} isSelf={isSelf} />
      {user.builder ? <ManagerForm user={user} managers={managers.filter((m) => m.id !== user.id)} /> : null}
    </div>
  );
}

function AccountState({ user, isSelf }: { user: AccountRow; isSelf: boolean }) {
  const fetcher = useFetcher<typeof action>();
  const busy = fetcher.state !== "idle";
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={user.id} />
    </>
  );

  if (user.deactivatedAt) {
    return (
      <fetcher.Form method="post" className="row">
        {hidden("reactivate")}
        <p className="muted">
          Deactivated <LocalTime value={user.deactivatedAt} precision="day" />: cannot sign in; their records stay under their name.
        </p>
        <button type="submit" className="button button-secondary" disabled={busy}>
          Reactivate
        </button>
        <FormErrors errors={answer?.formErrors} />
      </fetcher.Form>
    );
  }

  return (
    <div className="row">
      {user.invitation ? (
        <fetcher.Form method="post" className="row">
          {hidden("resend-invite")}
          <p className="muted">
            {user.invitation.live && user.invitation.expiresAt ? (
              <>
                Invited: the link works until <LocalTime value={user.invitation.expiresAt} />.
              </>
            ) : (
              "Invited: the link no longer works."
            )}
          </p>
          <button type="submit" className="button button-secondary" disabled={busy}>
            Send the invitation again
          </button>
        </fetcher.Form>
      ) : null}
      {isSelf ? null : (
        <fetcher.Form method="post" className="row">
          {hidden("deactivate")}
          <ConfirmSubmit
            className="button button-secondary"
            disabled={busy}
            confirm={{
              title: `Deactivate ${user.name}?`,
              confirmLabel: "Deactivate",
              danger: true,
              irreversible: false,
              children: (
                <p>
                  {user.name} is signed out everywhere at once and can no longer sign in. Everything they wrote stays under their name. You can reactivate the
                  account later.
                </p>
              ),
            }}
          >
            Deactivate
          </ConfirmSubmit>
        </fetcher.Form>
      )}
      {answer?.ok ? (
        <span role="status" className="muted">
          Done
        </span>
      ) : null}
      <FormErrors errors={answer?.formErrors} />
    </div>
  );
}

function ManagerForm({ user, managers }: { user: AccountRow; managers: Array<{ id: string; name: string }> }) {
  const fetcher = useFetcher<typeof action>();
  const id = useId();
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = answer?.fieldErrors?.managerId?.[0];
  const current = user.builder?.managerId ?? "";
  // A manager no longer offered (deactivated, or without the role) is still shown as the current one.
  const offered =
    current && !managers.some((m) => m.id === current) ? [...managers, { id: current, name: `${user.builder?.managerName ?? "Unknown"} (no longer an active manager)` }] : managers;
  return (
    <fetcher.Form method="post" className="row">
      <input type="hidden" name="intent" value="manager" />
      <input type="hidden" name="userId" value={user.id} />
      <label htmlFor={`${id}-manager`}>Manager</label>
      <select id={`${id}-manager`} name="managerId" defaultValue={current} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">No manager</option>
        {offered.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary" disabled={fetcher.state !== "idle"}>
        Save manager
      </button>
      {answer?.ok ? (
        <span role="status" className="muted">
          Saved
        </span>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <FormErrors errors={answer?.formErrors} />
    </fetcher.Form>
  );
}
