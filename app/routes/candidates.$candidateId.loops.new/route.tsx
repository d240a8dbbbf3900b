import { zodResolver } from "@hookform/resolvers/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { FormErrors } from "~/components/form-fields";
import { findCandidate } from "~/data/candidates.server";
import { createLoop } from "~/data/loops.server";
import { listTracks } from "~/data/rubrics.server";
import { changeRefusalForErased } from "~/domain/candidate-erasure";
import { loopRefusalForStatus } from "~/domain/candidate-pipeline";
import { LEVELS } from "~/domain/levels";
import { RefusalError } from "~/domain/refusal";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { badRequest, parseForm, readFormData } from "~/utils/forms.server";
import { refusalResponse } from "~/utils/refusals.server";
import { NewLoopSchema, type NewLoopForm } from "./schema";

export const meta: MetaFunction = () => [{ title: "New interview loop · Builder Ladder" }];

async function loadCandidate(candidateId: string | undefined) {
  const candidate = candidateId ? await findCandidate(candidateId) : null;
  if (!candidate) throw data({ message: "No such candidate" }, { status: 404 });
  // No new loop for an erased candidate (createLoop refuses it too).
  const refusal = changeRefusalForErased(candidate);
  if (refusal) throw data({ message: refusal }, { status: 409 });
  // A rejected, withdrawn or hired candidate is not interviewed again (createLoop refuses it: 409);
  // the page says why instead of offering the form.
  return { id: candidate.id, name: candidate.name, targetLevel: candidate.targetLevel, statusRefusal: loopRefusalForStatus(candidate.status) };
}

/** Tracks that can take a new loop: those with a current (not retired) version. */
async function openTracks() {
  return (await listTracks())
    .map((t) => ({ track: t.track, name: t.name, current: t.versions.find((v) => v.status === "current") }))
    .filter((t): t is { track: string; name: string; current: NonNullable<typeof t.current> } => t.current !== undefined)
    .map((t) => ({ track: t.track, name: t.name, version: t.current.version }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:loop:any");
  return { candidate: await loadCandidate(params.candidateId), tracks: await openTracks() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:loop:any");
  const candidate = await loadCandidate(params.candidateId);
  const parsed = parseForm(NewLoopSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  if (!(await openTracks()).some((t) => t.track === parsed.data.track)) {
    return badRequest({ fieldErrors: { track: ["Choose a track with a rubric version in service"] }, formErrors: [] });
  }
  try {
    const loopId = await createLoop({ candidateId: candidate.id, ...parsed.data, actor: auditActor(user, context), now: new Date() });
    return redirect(`/loops/${loopId}`);
  } catch (error) {
    // Refused inside its transaction (the candidate was erased or moved on meanwhile): shown on the form.
    if (error instanceof RefusalError) return refusalResponse(error.refusal);
    throw error;
  }
}

export default function NewLoopPage() {
  const { candidate, tracks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submit = useSubmit();
  const form = useForm<NewLoopForm>({
    resolver: zodResolver(NewLoopSchema),
    defaultValues: { track: tracks[0]?.track ?? "", targetLevel: candidate.targetLevel as NewLoopForm["targetLevel"] },
  });
  const trackError = form.formState.errors.track?.message ?? actionData?.fieldErrors?.track?.[0];

  return (
    <section className="page narrow" aria-labelledby="new-loop-title">
      <p className="breadcrumbs">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${candidate.id}`}>{candidate.name}</Link> / New loop
      </p>
      <h1 id="new-loop-title">New interview loop for {candidate.name}</h1>
      <p className="lede">
        The loop is pinned to the track&rsquo;s current rubric version: its stages, criteria and rules stay the same for
        this loop even when a newer version is published.
      </p>
      {candidate.statusRefusal ? <p className="notice">{candidate.statusRefusal}</p> : null}
      <Form hidden={Boolean(candidate.statusRefusal)} method="post" noValidate className="stack panel" onSubmit={form.handleSubmit((_v, e) => submit(e?.target as HTMLFormElement))}>
        <FormErrors errors={actionData?.formErrors} />
        <div className="field">
          <label htmlFor="loop-track">Track and rubric version</label>
          <select id="loop-track" aria-invalid={trackError ? true : undefined} aria-describedby={trackError ? "loop-track-error" : undefined} {...form.register("track")}>
            {tracks.map((t) => (
              <option key={t.track} value={t.track}>
                {t.name} (v{t.version})
              </option>
            ))}
          </select>
          {trackError ? <p id="loop-track-error" className="field-error" role="alert">{trackError}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="loop-level">Target level</label>
          <select id="loop-level" {...form.register("targetLevel")}>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        </div>
        <div className="row">
          <button type="submit" className="button">Create loop</button>
          <Link to={`/candidates/${candidate.id}`}>Cancel</Link>
        </div>
      </Form>
    </section>
  );
}
