import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ConfirmSubmit } from "~/components/confirm-dialog";
import { FormErrors } from "~/components/form-fields";
import { VersionBadges } from "~/components/status-badge";
import { listTrackVersions, setRubricVersionRetired } from "~/data/rubrics.server";
import { hasPermission } from "~/domain/permissions";
import { checkRetirement } from "~/domain/rubric/sync";
import { withoutPay } from "~/domain/rubric/visibility";
import { auditActor } from "~/utils/audit.server";
import { requireUserWithPermission } from "~/utils/auth.server";
import { requireRubricVersion } from "~/utils/rubric-params.server";
import { badRequest, formError, formSaved, parseForm, readFormData } from "~/utils/forms.server";
import { RetirementSchema } from "./schema";
import { RubricSections } from "./sections";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.rubric.name} v${data.summary.version} · Rubrics · Builder Ladder` : "Rubric · Builder Ladder" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:rubric:any");
  const { summary, rubric } = await requireRubricVersion(params);
  return {
    summary,
    // Pay figures are never on this page; the level matrix shows them to those allowed.
    rubric: withoutPay(rubric),
    versions: await listTrackVersions(summary.track),
    canManage: hasPermission(user.roles, "manage:rubric:any"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:rubric:any");
  const parsed = parseForm(RetirementSchema, await readFormData(request));
  if (!parsed.success) return badRequest(parsed.failure);
  const { summary } = await requireRubricVersion(params);
  const versions = await listTrackVersions(summary.track);

  if (parsed.data.intent === "retire") {
    const refusal = checkRetirement(
      versions.map((v) => ({ version: v.version, retired: v.status === "retired" })),
      summary.version,
    );
    if (refusal) return formError(refusal);
    await setRubricVersionRetired(summary.id, true, auditActor(user, context), new Date());
  } else {
    if (summary.status !== "retired") return formError("This version is not retired.");
    await setRubricVersionRetired(summary.id, false, auditActor(user, context), new Date());
  }
  return formSaved();
}

export default function RubricVersionPage() {
  const { summary, rubric, versions, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const previous = versions.find((v) => v.version === summary.version - 1);
  const base = `/rubrics/${summary.track}/v${summary.version}`;

  return (
    <article className="page rubric" aria-labelledby="rubric-title">
      <p className="breadcrumbs">
        <Link to="/rubrics">Rubrics</Link> / {rubric.name}
      </p>
      <header className="page-header">
        <h1 id="rubric-title">
          {rubric.name} v{summary.version}
        </h1>
        <p className="badges">
          <VersionBadges status={summary.status} inUse={summary.inUse} />
        </p>
        <nav aria-label="This version" className="row">
          <Link className="button button-secondary" to={`${base}/levels`}>
            Level matrix
          </Link>
          {previous ? (
            <Link className="button button-secondary" to={`/rubrics/${summary.track}/compare?from=${previous.version}&to=${summary.version}`}>
              Compare with v{previous.version}
            </Link>
          ) : null}
        </nav>
      </header>

      {canManage ? (
        <Form method="post" className="admin-strip" aria-label="Manage this version">
          <FormErrors errors={actionData?.formErrors} />
          {summary.status === "retired" ? (
            <>
              <p>Retired: no new loops or packets use this version. It stays readable.</p>
              <button className="button" name="intent" value="reinstate" disabled={navigation.state !== "idle"}>
                Reinstate this version
              </button>
            </>
          ) : (
            <>
              <p>Retiring a version stops new loops and packets from using it; existing ones keep it.</p>
              <ConfirmSubmit
                className="button button-danger"
                name="intent"
                value="retire"
                disabled={navigation.state !== "idle"}
                confirm={{
                  title: `Retire ${rubric.name} v${summary.version}?`,
                  confirmLabel: "Retire this version",
                  danger: true,
                  irreversible: false,
                  children: (
                    <p>
                      No new loop or packet will use {rubric.name} v{summary.version}; loops and packets that use it keep it, and it stays readable. You
                      can reinstate it later from this page.
                    </p>
                  ),
                }}
              >
                Retire this version
              </ConfirmSubmit>
            </>
          )}
        </Form>
      ) : null}

      <RubricSections rubric={rubric} levelsHref={`${base}/levels`} />
    </article>
  );
}
