import { zodResolver } from "@hookform/resolvers/zod";
import { useFetcher } from "@remix-run/react";
import { useCallback, useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ConfirmSubmit } from "~/components/confirm-dialog";
import { FormErrors } from "~/components/form-fields";
import { CalendarDate } from "~/components/local-time";
import { statementSchema } from "~/domain/promotion/forms";
import { countOf } from "~/domain/wording";
import { EvidenceForm } from "./evidence-form";
import { ProjectOutcome } from "./project-outcome";
import type { PacketPageData } from "~/views/packet-page";
import { useServerErrors, type PacketAnswer } from "./use-server-errors";

type Evidence = PacketPageData["evidence"][number];
export type EditingTags = { key: string; criteria: string[]; competencies: string[] } | null;

type Props = {
  data: PacketPageData;
  /** Which item's form is open ("new" for the add form), and its tags as ticked. Must be stable. */
  onEditingTags: (tags: EditingTags) => void;
};

/** The evidence items with their tags and peer statements; editors add, edit and remove them. */
export function EvidenceSection({ data, onEditingTags }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const close = useCallback(() => setEditing(null), []);
  const names = new Map([...data.criteria, ...data.competencies].map((t) => [t.id, t.name]));
  return (
    <section className="panel evidence-section" aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence ({data.evidence.length})</h2>
      {data.evidence.length === 0 ? <p className="muted">No evidence yet. Each item shows one piece of work and the criteria it proves.</p> : null}
      <ol className="evidence-list">
        {data.evidence.map((item) => (
          <li key={item.id} id={`evidence-${item.id}`} className="evidence-item">
            {editing === item.id ? (
              <EvidenceForm key={item.id} data={data} item={item} editingKey={item.id} onEditingTags={onEditingTags} onDone={close} />
            ) : (
              <EvidenceCard item={item} names={names} data={data} onEdit={() => setEditing(item.id)} />
            )}
          </li>
        ))}
      </ol>
      {data.access.editDraft ? (
        editing === "new" ? (
          <EvidenceForm key="new" data={data} item={null} editingKey="new" onEditingTags={onEditingTags} onDone={close} />
        ) : (
          <button type="button" className="button no-print" onClick={() => setEditing("new")}>
            Add evidence
          </button>
        )
      ) : null}
    </section>
  );
}

function EvidenceCard({ item, names, data, onEdit }: { item: Evidence; names: Map<string, string>; data: PacketPageData; onEdit: () => void }) {
  const remover = useFetcher<PacketAnswer>();
  const statements = data.statements.filter((s) => s.evidenceId === item.id);
  const own = statements.find((s) => s.authorId === data.viewerId);
  return (
    <article aria-labelledby={`evidence-${item.id}-title`}>
      <h3 id={`evidence-${item.id}-title`}>{item.title}</h3>
      <p className="muted small">
        <CalendarDate value={item.startDate} /> – {item.endDate ? <CalendarDate value={item.endDate} /> : "ongoing"}
      </p>
      <p className="pre-line">{item.description}</p>
      <p className="pre-line">
        <strong>Impact:</strong> {item.impact}
      </p>
      {item.project ? <ProjectOutcome outcome={item.project} withheld={item.outcomeWithheld} frozen={data.packet.submittedAt !== null} /> : null}
      {item.links.length > 0 ? (
        <ul className="plain links">
          {item.links.map((l) => (
            <li key={l}>
              <a href={l} rel="noreferrer noopener" target="_blank">
                {l}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="tags" aria-label="Shows">
        {[...item.criteria, ...item.competencies].map((t) => (
          <li key={t} className={`tag ${item.criteria.includes(t) ? "tag-criterion" : "tag-competency"}`}>
            {names.get(t) ?? t}
          </li>
        ))}
      </ul>
      {statements.length > 0 ? (
        <div className="statements">
          <h4>Peer statements</h4>
          {statements.map((s) => (
            <blockquote key={s.authorId}>
              <p className="pre-line">{s.text}</p>
              <footer>— {s.authorName}</footer>
            </blockquote>
          ))}
        </div>
      ) : null}
      {data.access.writeStatement ? <StatementForm evidenceId={item.id} title={item.title} current={own?.text ?? ""} /> : null}
      {data.access.editDraft ? (
        <div className="row no-print">
          <button type="button" className="button button-secondary" onClick={onEdit}>
            Edit <span className="visually-hidden">“{item.title}”</span>
          </button>
          <remover.Form method="post">
            <input type="hidden" name="intent" value="delete-evidence" />
            <input type="hidden" name="evidenceId" value={item.id} />
            <input type="hidden" name="version" value={item.version} />
            <ConfirmSubmit
              className="button button-secondary"
              disabled={remover.state !== "idle"}
              confirm={{
                title: `Remove “${item.title}”?`,
                confirmLabel: "Remove evidence",
                danger: true,
                children: (
                  <p>
                    The item is deleted from the packet
                    {statements.length > 0 ? `, with ${countOf(statements.length, "peer statement")} written on it` : ""}, and coverage is counted without it.
                  </p>
                ),
              }}
            >
              Remove <span className="visually-hidden">“{item.title}”</span>
            </ConfirmSubmit>
          </remover.Form>
        </div>
      ) : null}
      <FormErrors errors={remover.state === "idle" ? remover.data?.formErrors : undefined} />
    </article>
  );
}

type StatementInput = z.input<typeof statementSchema>;
type StatementOutput = z.output<typeof statementSchema>;

/** An invited peer's statement on one item; saving again rewrites their statement. */
function StatementForm({ evidenceId, title, current }: { evidenceId: string; title: string; current: string }) {
  const uid = useId();
  const fetcher = useFetcher<PacketAnswer>();
  const form = useForm<StatementInput, unknown, StatementOutput>({ resolver: zodResolver(statementSchema), defaultValues: { evidenceId, text: current } });
  useServerErrors(fetcher.state, fetcher.data, form.setError);
  const error = form.formState.errors.text?.message;
  const saved = fetcher.state === "idle" && fetcher.data?.ok;
  return (
    <fetcher.Form method="post" noValidate className="stack statement-form no-print" onSubmit={form.handleSubmit((_v, e) => fetcher.submit(e?.target as HTMLFormElement, { method: "post" }))}>
      <input type="hidden" name="intent" value="statement" />
      <input type="hidden" {...form.register("evidenceId")} />
      <FormErrors errors={fetcher.state === "idle" ? fetcher.data?.formErrors : undefined} />
      <div className="field">
        <label htmlFor={`${uid}-text`}>Your statement on “{title}”</label>
        <textarea id={`${uid}-text`} rows={3} aria-invalid={error ? true : undefined} aria-describedby={error ? `${uid}-error` : undefined} {...form.register("text")} />
        {error ? (
          <p id={`${uid}-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="row">
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          {current ? "Update statement" : "Add statement"}
        </button>
        {saved ? (
          <span role="status" className="muted">
            Statement saved.
          </span>
        ) : null}
      </div>
    </fetcher.Form>
  );
}
