import { forwardRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

/**
 * The project forms' fields: a label, an optional hint and the field's error, tied to the control
 * for screen readers. Unlike the shared TextField, the caller names the control's `id`, so the
 * form's error summary can link to it. All forward their ref for react-hook-form.
 */
type Described = { id: string; label: ReactNode; hint?: ReactNode; error?: string };

function describedBy(id: string, hint: ReactNode, error: string | undefined) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Frame({ id, label, hint, error, children, className }: Omit<Described, "id"> & { id: string; children: ReactNode; className?: string }) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const InputField = forwardRef<HTMLInputElement, Described & { className?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "id">>(function InputField(
  { id, label, hint, error, className, ...input },
  ref,
) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} className={className}>
      <input ref={ref} id={id} type="text" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </Frame>
  );
});

export const TextAreaField = forwardRef<HTMLTextAreaElement, Described & { className?: string } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">>(
  function TextAreaField({ id, label, hint, error, className, ...textarea }, ref) {
    return (
      <Frame id={id} label={label} hint={hint} error={error} className={className}>
        <textarea ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...textarea} />
      </Frame>
    );
  },
);

type Option = { value: string; label: string };

export const SelectField = forwardRef<
  HTMLSelectElement,
  Described & { className?: string; options: readonly Option[]; placeholder?: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">
>(function SelectField({ id, label, hint, error, className, options, placeholder, ...select }, ref) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} className={className}>
      <select ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
});
