import { zodResolver } from "@hookform/resolvers/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { randomBytes } from "node:crypto";
import { useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormErrors } from "~/components/form-fields";
import { formatMoney } from "~/domain/money";
import { findCandidate } from "~/data/candidates.server";
import { changeRefusalForErased } from "~/domain/candidate-erasure";
import { listDecisions } from "~/data/committee.server";
import { listLoopsForCandidate } from "~/data/loops.server";
import { createBuilderFromHire } from "~/data/onboarding.server";
import { listManagerChoices } from "~/data/accounts.server";
import { hireTerms, onboardBuilderSchema } from "~/domain/hire-onboarding";
import { badRequest, parseForm, type FieldErrors, readFormData } from "~/utils/forms.server";
import { refusalResponse } from "~/utils/refusals.server";
import { conflict } from "~/domain/refusal";
import { hashPassword } from "~/utils/password.server";
import { recordRead } from "~/data/audit.server";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Create ${data.candidate.name}'s builder record · Builder Ladder` : "Builder record · Builder Ladder" }];

async function loadHires(candidateId: string | undefined) {
  const candidate = candidateId ? await findCandidate(candidateId) : null;
  if (!candidate) throw data({ message: "No such candidate" }, { status: 404 });
  // An erased candidate's details are gone: no account can be made from them.
  const erased = changeRefusalForErased(candidate);
  if (erased) throw data({ message: erased }, { status: 409 });
  const loops = await listLoopsForCandidate(candidate.id);
  const decisions = await listDecisions(loops.map((l) => l.id));
  const hires = loops.flatMap((loop) => {
    const terms = hireTerms(decisions.filter((d) => d.loopId === loop.id));
    return terms.ok ? [{ loop, terms: terms.terms }] : [];
  });
  return { candidate, hires };
}

/** An admin turns a hire decision into the person's account and builder record. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:user:any");
  const { candidate, hires } = await loadHires(params.candidateId);
  // Active managers only: a deactivated account is never offered.
  const managers = await listManagerChoices();
  // The candidate's contact and, for each hire, the agreed pay.
  const read = { action: "candidate.read", recordType: "candidate", recordId: candidate.id, candidateId: candidate.id, detail: { page: "onboard", pay: hires.length > 0 } };
  await recordRead(auditActor(user, context), read, new Date());
  return {
    candidate: { id: candidate.id, name: candidate.name, email: candidate.email },
    hires: hires.map(({ loop, terms }) => ({ loopId: loop.id, rubric: `${loop.rubric.name} v${loop.version}`, ...terms })),
    managers,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:user:any");
  const { candidate, hires } = await loadHires(params.candidateId);
  const parsed = parseForm(onboardBuilderSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const hire = hires.find((h) => h.loop.id === parsed.data.loopId);
  if (!hire) return refusalResponse(conflict("That loop has no hire decision in force for this candidate."));
  // Shown once to the admin, who hands it over; only its hash is stored.
  const temporaryPassword = randomBytes(12).toString("base64url");
  const created = await createBuilderFromHire({
    candidate,
    loop: { rubricVersionId: hire.loop.rubricVersionId, track: hire.loop.track },
    terms: hire.terms,
    managerId: parsed.data.managerId,
    startedAt: new Date(`${parsed.data.startDate}T09:00:00Z`),
    passwordHash: await hashPassword(temporaryPassword),
    actor: auditActor(user, context),
    now: new Date(),
  });
  if (!created.ok) return refusalResponse(created);
  return { ok: true as const, fieldErrors: {} as FieldErrors, formErrors: [] as string[], userId: created.userId, temporaryPassword };
}

type Answer = { ok: boolean; fieldErrors?: FieldErrors; formErrors?: string[]; userId?: string; temporaryPassword?: string };
type Input = z.input<typeof onboardBuilderSchema>;

export default function OnboardPage() {
  const { candidate, hires, managers } = useLoaderData<typeof loader>();
  const uid = useId();
  const fetcher = useFetcher<Answer>();
  const form = useForm<Input, unknown, z.output<typeof onboardBuilderSchema>>({
    resolver: zodResolver(onboardBuilderSchema),
    defaultValues: { loopId: hires[0]?.loopId ?? "", managerId: "", startDate: "" },
  });
  const errors = form.formState.errors;
  const done = fetcher.state === "idle" && fetcher.data?.ok && fetcher.data.userId ? fetcher.data : null;
  return (
    <article className="page narrow" aria-labelledby="onboard-title">
      <p className="breadcrumbs">
        <Link to={`/candidates/${candidate.id}`}>{candidate.name}</Link> / Builder record
      </p>
      <h1 id="onboard-title">Create {candidate.name}&rsquo;s builder record</h1>
      {done ? (
        <div className="panel stack" role="status">
          <p>
            {candidate.name} now has an account ({candidate.email}) and a <Link to={`/builders/${done.userId}`}>builder record</Link>, with &ldquo;hired&rdquo; as the first entry of their level history.
          </p>
          <p>
            Temporary password, shown only now: <code>{done.temporaryPassword}</code>
          </p>
          <p>Hand it over in person or over a channel you trust. {candidate.name} must choose their own password when they first sign in with it.</p>
        </div>
      ) : hires.length === 0 ? (
        <p className="notice">No loop of {candidate.name}&rsquo;s has a hire decision in force.</p>
      ) : (
        <fetcher.Form method="post" noValidate className="panel stack" onSubmit={form.handleSubmit((_v, e) => fetcher.submit(e?.target as HTMLFormElement, { method: "post" }))}>
          <FormErrors errors={fetcher.state === "idle" ? fetcher.data?.formErrors : undefined} />
          <div className="field">
            <label htmlFor={`${uid}-loop`}>Hire decision</label>
            <select id={`${uid}-loop`} {...form.register("loopId")}>
              {hires.map((h) => (
                <option key={h.loopId} value={h.loopId}>
                  {h.level}
                  {h.baseSalary !== null && h.currency ? `, base ${formatMoney(h.baseSalary, h.currency)}` : ""} ({h.rubric})
                </option>
              ))}
            </select>
            {errors.loopId ? <p className="field-error" role="alert">{errors.loopId.message}</p> : null}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-manager`}>Manager</label>
            <select id={`${uid}-manager`} {...form.register("managerId")}>
              <option value="">None yet</option>
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-start`}>Start date</label>
            <input id={`${uid}-start`} type="date" aria-invalid={errors.startDate ? true : undefined} aria-describedby={errors.startDate ? `${uid}-start-error` : undefined} {...form.register("startDate")} />
            {errors.startDate ? (
              <p id={`${uid}-start-error`} className="field-error" role="alert">
                {errors.startDate.message}
              </p>
            ) : null}
          </div>
          <div className="row">
            <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
              Create account and builder record
            </button>
          </div>
        </fetcher.Form>
      )}
    </article>
  );
}
