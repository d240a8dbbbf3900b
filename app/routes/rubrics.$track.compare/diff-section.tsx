import { TableScroll } from "~/components/table-scroll";
import type { DiffItem, SectionDiff } from "~/domain/rubric/diff";

function Fields({ item }: { item: DiffItem }) {
  return (
    <dl className="facts">
      {Object.entries(item.fields).map(([field, value]) => (
        <div key={field} className="fact-row">
          <dt>{field}</dt>
          <dd className="pre-line">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One section's changes: added and removed items, and changed fields side by side. */
export function DiffSection({ section, from, to }: { section: SectionDiff; from: number; to: number }) {
  const titleId = `diff-${section.id}`;
  return (
    <section className="panel diff-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{section.title}</h2>
      {section.added.map((item) => (
        <div key={`added-${item.key}`} className="diff-item diff-added">
          <h3>
            <span className="badge badge-added">Added</span> {item.label}
          </h3>
          <Fields item={item} />
        </div>
      ))}
      {section.removed.map((item) => (
        <div key={`removed-${item.key}`} className="diff-item diff-removed">
          <h3>
            <span className="badge badge-removed">Removed</span> {item.label}
          </h3>
          <Fields item={item} />
        </div>
      ))}
      {section.changed.map((item) => (
        <div key={`changed-${item.key}`} className="diff-item diff-changed">
          <h3>
            <span className="badge badge-changed">Changed</span> {item.label}
          </h3>
          <TableScroll label={`Changes to ${item.label}`}>
            <table className="diff-table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">v{from}</th>
                  <th scope="col">v{to}</th>
                </tr>
              </thead>
              <tbody>
                {item.changes.map((change) => (
                  <tr key={change.field}>
                    <th scope="row">{change.field}</th>
                    <td className="pre-line diff-before">{change.before ?? <em>absent</em>}</td>
                    <td className="pre-line diff-after">{change.after ?? <em>absent</em>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ))}
    </section>
  );
}
