// Why: a form the browser refuses must always say why, even when the field at fault is far down the page or not shown at all.
import { useEffect, useId, useRef } from "react";
import type { FieldErrors, FieldValues } from "react-hook-form";
import { countOf } from "~/domain/wording";

export type SummaryItem = { message: string; /** The id of the field to go to, when it is on the page. */ target?: string };

/**
 * The list of problems at the top of a refused form, focused (and announced) each time a submit
 * is refused: `attempt` counts the refused submits. Each problem links to its field when the field
 * is on the page; a problem whose field is not shown is still listed, so a refusal is never silent.
 */
export function ErrorSummary({ items, attempt }: { items: readonly SummaryItem[]; attempt: number }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  // The refusal and its errors may reach React in separate renders: focus once both are here.
  const focusedAttempt = useRef(0);
  const shown = items.length > 0;
  useEffect(() => {
    if (attempt > focusedAttempt.current && shown && ref.current) {
      focusedAttempt.current = attempt;
      ref.current.focus();
    }
  }, [attempt, shown]);
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h3 id={`${id}-title`}>{items.length === 1 ? "There is a problem" : `There are ${countOf(items.length, "problem")}`}</h3>
      <ul>
        {items.map((item) => (
          <li key={`${item.target ?? ""}:${item.message}`}>
            {item.target ? (
              <a
                href={`#${item.target}`}
                onClick={(event) => {
                  const field = document.getElementById(item.target!);
                  if (!field) return;
                  event.preventDefault();
                  field.focus();
                  field.scrollIntoView({ block: "center" });
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * react-hook-form's errors as a flat list in the order of `names` (dotted paths, e.g.
 * `feedback.mentoring`), then any others; `target` maps a name to its field's id, if shown.
 */
export function summaryOf<T extends FieldValues>(errors: FieldErrors<T>, names: readonly string[], target: (name: string) => string | undefined): SummaryItem[] {
  const found = new Map<string, string>();
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const message = (node as { message?: unknown }).message;
    if (typeof message === "string" && message) {
      found.set(path, message);
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== "ref" && key !== "types") walk(child, path ? `${path}.${key}` : key);
  };
  walk(errors, "");
  const ordered = [...names.filter((n) => found.has(n)), ...[...found.keys()].filter((n) => !names.includes(n))];
  return ordered.map((name) => {
    const id = target(name);
    return { message: found.get(name)!, ...(id ? { target: id } : {}) };
  });
}
