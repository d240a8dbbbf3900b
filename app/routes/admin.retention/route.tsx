import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ConfirmSubmit } from "~/components/confirm-dialog";
import { FormErrors } from "~/components/form-fields";
import { LocalTime } from "~/components/local-time";
import { TableScroll } from "~/components/table-scroll";
import { recentRetentionRuns, retentionPlan, runRetention } from "~/data/retention.server";
import { ERASE_DUE_INTENT, retentionRunSchema } from "~/domain/retention";
import { countOf } from "~/domain/wording";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { requestNow } from "~/utils/clock.server";
import { getConfig } from "~/utils/env.server";
import { badRequest, parseForm, readFormData, type FieldErrors } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Retention · Builder Ladder" }];

/**
 * Candidate data retention, for admins: the policy in force (RETENTION_*), who is due for erasure
 * now and why (the dry run: nothing is written by looking), when the job last ran and what it did
 * (from the audit trail), and erasing the candidates due.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:retention:any");
  const now = requestNow(request);
  const config = getConfig();
  const [plan, runs] = await Promise.all([retentionPlan(config.retention, now), recentRetentionRuns(5)]);
  return {
    now: now.toISOString(),
    policy: config.retention,
    everyHours: config.retentionEveryHours,
    due: plan.due.map((d) => ({ candidateId: d.candidateId, name: d.name, outcome: d.outcome, reason: d.reason, dueOn: d.dueOn })),
    byOutcome: plan.byOutcome,
    runs: runs.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

/**
 * Erases the candidates due at the action's own now (the plan is computed again here, not taken
 * from the page, so a candidate whose situation changed since the page loaded is judged afresh).
 * Each erasure and the run itself are recorded in the audit trail with the admin as actor.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:retention:any");
  const parsed = parseForm(retentionRunSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const run = await runRetention(getConfig().retention, requestNow(request), auditActor(user, context));
  return {
    ok: true as const,
    fieldErrors: {} as FieldErrors,
    formErrors: [] as string[],
    erased: run.erased.length,
    refused: run.refused.map((r) => ({ candidateId: r.candidateId, message: r.message })),
  };
}

export default function RetentionPage() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const n = d.due.length;
  return (
    <section className="page stack" aria-labelledby="retention-title">
      <h1 id="retention-title">Candidate data retention</h1>
      <p className="lede">
        Candidates&rsquo; personal data is kept only for the period their outcome allows, then erased: their details and everything written about them are
        replaced, while ratings, outcomes and dates keep counting. Builders are never erased here.
      </p>

      {answer?.ok ? (
        <div className="notice" role="status">
          <p>
            Erased {countOf(answer.erased, "candidate")}.{answer.refused.length > 0 ? ` ${countOf(answer.refused.length, "candidate was", "candidates were")} refused:` : ""}
          </p>
          {answer.refused.length > 0 ? (
            <ul>
              {answer.refused.map((r) => (
                <li key={r.candidateId}>
                  <Link to={`/candidates/${r.candidateId}`}>{r.candidateId}</Link>: {r.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <section className="panel" aria-labelledby="retention-policy">
        <h2 id="retention-policy">The policy in force</h2>
        <TableScroll label="Retention periods">
          <table>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col">Kept for</th>
                <th scope="col">Counted from</th>
                <th scope="col">Candidates now</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Not hired</th>
                <td>{countOf(d.policy.notHiredMonths, "month")}</td>
                <td>the decision in force</td>
                <td>{d.byOutcome.not_hired}</td>
              </tr>
              <tr>
                <th scope="row">Hired but never joined</th>
                <td>{countOf(d.policy.hiredNotJoinedMonths, "month")}</td>
                <td>the decision in force</td>
                <td>{d.byOutcome.hired_not_joined}</td>
              </tr>
              <tr>
                <th scope="row">No decision (withdrawn, abandoned, no loop)</th>
                <td>{countOf(d.policy.noDecisionMonths, "month")}</td>
                <td>the last activity</td>
                <td>{d.byOutcome.no_decision}</td>
              </tr>
              <tr>
                <th scope="row">Became a builder</th>
                <td>never erased</td>
                <td>—</td>
                <td>{d.byOutcome.builder}</td>
              </tr>
              <tr>
                <th scope="row">Already erased</th>
                <td>—</td>
                <td>—</td>
                <td>{d.byOutcome.erased}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
        <p className="muted">
          A candidate falls due at 00:00 UTC on the day their period ends (31 January + 1 month is 28 or 29 February). Set by RETENTION_NOT_HIRED_MONTHS,
          RETENTION_HIRED_NOT_JOINED_MONTHS and RETENTION_NO_DECISION_MONTHS.{" "}
          {d.everyHours > 0 ? `The app runs retention itself every ${countOf(d.everyHours, "hour")} (RETENTION_EVERY_HOURS).` : "The app does not run retention by itself (RETENTION_EVERY_HOURS=0): run it here or with npm run retention."}
        </p>
      </section>

      <section className="panel stack" aria-labelledby="retention-due">
        <h2 id="retention-due">Due for erasure now</h2>
        {n === 0 ? (
          <p>No candidate is due for erasure.</p>
        ) : (
          <>
            <p>
              {countOf(n, "candidate")} {n === 1 ? "is" : "are"} past their retention period as of <LocalTime value={d.now} />.
            </p>
            <TableScroll label="Candidates due for erasure">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Candidate</th>
                    <th scope="col">Why</th>
                    <th scope="col">Due since</th>
                  </tr>
                </thead>
                <tbody>
                  {d.due.map((c) => (
                    <tr key={c.candidateId}>
                      <td>
                        <Link to={`/candidates/${c.candidateId}`}>{c.name}</Link>
                      </td>
                      <td>{c.reason}</td>
                      <td>{c.dueOn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value={ERASE_DUE_INTENT} />
              {/* The form has no visible field: a refusal (a tampered intent) is shown as a message of the whole form. */}
              <FormErrors errors={answer && !answer.ok ? [...answer.formErrors, ...Object.values(answer.fieldErrors).flatMap((m) => m ?? [])] : undefined} />
              <div className="row">
                <ConfirmSubmit
                  className="button button-danger"
                  disabled={busy}
                  confirm={{
                    title: `Erase ${countOf(n, "candidate")}?`,
                    confirmLabel: `Erase ${countOf(n, "candidate")}`,
                    danger: true,
                    children: (
                      <p>
                        Their details and everything written about them are replaced, and each erasure is recorded in the audit trail with you as the one
                        who ran it. Who is due is worked out again when you confirm.
                      </p>
                    ),
                  }}
                >
                  Erase the {countOf(n, "candidate")} due now
                </ConfirmSubmit>
              </div>
            </Form>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="retention-runs">
        <h2 id="retention-runs">Recent runs</h2>
        {d.runs.length === 0 ? (
          <p>Retention has not run yet.</p>
        ) : (
          <TableScroll label="Recent retention runs">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Run by</th>
                  <th scope="col">Due</th>
                  <th scope="col">Erased</th>
                  <th scope="col">Refused</th>
                </tr>
              </thead>
              <tbody>
                {d.runs.map((r) => (
                  <tr key={r.at + (r.actorName ?? "")}>
                    <td>
                      <LocalTime value={r.at} />
                    </td>
                    <td>{r.actorName ?? "The system (schedule or npm run retention)"}</td>
                    <td>{r.due ?? "—"}</td>
                    <td>{r.erased ?? "—"}</td>
                    <td>{r.refused ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <p className="muted">
          From the audit trail (action retention.run). Each erasure has its own entry, candidate.erase, with the reason.
        </p>
      </section>
    </section>
  );
}
