import { zodResolver } from "@hookform/resolvers/zod";
import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import {
  forwardRef,
  useId,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useForm } from "react-hook-form";
import { FormErrors, TextField } from "~/components/form-fields";
import { CandidateFormSchema, type CandidateFormInput } from "~/domain/candidate-form";
import { CANDIDATE_SOURCE_LABELS, CANDIDATE_SOURCES, DATA_ORIGIN_LABELS, DATA_ORIGINS, LEGAL_BASES, LEGAL_BASIS_LABELS } from "~/domain/candidates";
import { LEVELS } from "~/domain/levels";

const ORIGIN_OPTIONS = DATA_ORIGINS.map((value) => ({ value, label: DATA_ORIGIN_LABELS[value] }));
const BASIS_OPTIONS = LEGAL_BASES.map((value) => ({ value, label: LEGAL_BASIS_LABELS[value] }));

type Described = { label: string; error?: string; hint?: ReactNode };

/** The ids that tie a control to its hint and error. */
function useDescription(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { id, errorId, hintId, describedBy };
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <p id={id} className="field-hint">
      {hint}
    </p>
  ) : null;
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="field-error" role="alert">
      {error}
    </p>
  ) : null;
}

type SelectFieldProps = Described & {
  options: ReadonlyArray<{ value: string; label: string }>;
  /** A first option with an empty value ("Any source", "Choose…"). */
  placeholder?: string;
} & SelectHTMLAttributes<HTMLSelectElement>;

/** A select with its label and its error, wired for screen readers. Forwards its ref for react-hook-form. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, error, hint, options, placeholder, ...select },
  ref,
) {
  const { id, errorId, hintId, describedBy } = useDescription(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={hintId} hint={hint} />
      <select ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} error={error} />
    </div>
  );
});

type TextAreaFieldProps = Described & TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A textarea with its label and its error, wired for screen readers. Forwards its ref for react-hook-form. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { label, error, hint, ...textarea },
  ref,
) {
  const { id, errorId, hintId, describedBy } = useDescription(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={hintId} hint={hint} />
      <textarea ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
      <FieldError id={errorId} error={error} />
    </div>
  );
});

export const SOURCE_OPTIONS = CANDIDATE_SOURCES.map((value) => ({ value, label: CANDIDATE_SOURCE_LABELS[value] }));
export const LEVEL_OPTIONS = LEVELS.map((value) => ({ value, label: value }));

type ServerAnswer = { fieldErrors: Record<string, string[] | undefined>; formErrors: string[] } | undefined;

/**
 * The candidate form of the create and edit pages: checked in the browser with the shared
 * zod schema before it is sent, and again by the action (whose errors show at the same fields).
 */
export function CandidateForm({
  defaultValues,
  answer,
  submitLabel,
  submittingLabel,
  cancelTo,
}: {
  defaultValues: Partial<CandidateFormInput>;
  answer: ServerAnswer;
  submitLabel: string;
  submittingLabel: string;
  cancelTo: string;
}) {
  const navigation = useNavigation();
  const submit = useSubmit();
  // The usual case preselected: an application, held on legitimate interest.
  const form = useForm<CandidateFormInput>({
    resolver: zodResolver(CandidateFormSchema),
    defaultValues: { dataOrigin: "applied", legalBasis: "legitimate_interest", ...defaultValues },
  });
  const basis = form.watch("legalBasis");
  const errors = form.formState.errors;
  const server = answer?.fieldErrors;
  const errorOf = (field: keyof CandidateFormInput) => errors[field]?.message ?? server?.[field]?.[0];
  const submitting = navigation.state === "submitting";

  return (
    <Form
      method="post"
      noValidate
      className="stack candidate-form"
      onSubmit={form.handleSubmit((_values, event) => submit(event?.target as HTMLFormElement))}
    >
      <FormErrors errors={answer?.formErrors} />
      <TextField label="Name" autoComplete="off" error={errorOf("name")} {...form.register("name")} />
      <TextField label="Email" type="email" autoComplete="off" error={errorOf("email")} {...form.register("email")} />
      <SelectField
        label="Source"
        hint="Where the candidate came from."
        placeholder="Choose a source"
        options={SOURCE_OPTIONS}
        error={errorOf("source")}
        {...form.register("source")}
      />
      <SelectField
        label="Target level"
        placeholder="Choose a level"
        options={LEVEL_OPTIONS}
        error={errorOf("targetLevel")}
        {...form.register("targetLevel")}
      />
      <TextAreaField
        label="Links"
        hint="One web address per line, starting with https:// (portfolio, GitHub, LinkedIn…)."
        rows={3}
        spellCheck={false}
        error={errorOf("links")}
        {...form.register("links")}
      />
      <TextAreaField label="Notes" rows={6} error={errorOf("notes")} {...form.register("notes")} />
      <fieldset className="stack candidate-data-protection">
        <legend>Data protection</legend>
        <SelectField
          label="Where their data came from"
          options={ORIGIN_OPTIONS}
          error={errorOf("dataOrigin")}
          {...form.register("dataOrigin")}
        />
        <TextField
          label="Details of where it came from (optional)"
          hint="For example who referred them, or which event."
          autoComplete="off"
          error={errorOf("dataOriginDetail")}
          {...form.register("dataOriginDetail")}
        />
        <SelectField label="Legal basis" options={BASIS_OPTIONS} error={errorOf("legalBasis")} {...form.register("legalBasis")} />
        <TextField
          label="Consent given on"
          type="date"
          hint={basis === "consent" ? "Required when the legal basis is consent." : "Only kept when the legal basis is consent."}
          error={errorOf("consentGivenOn")}
          {...form.register("consentGivenOn")}
        />
        <TextField
          label="Privacy notice sent on (optional)"
          type="date"
          error={errorOf("noticeSentOn")}
          {...form.register("noticeSentOn")}
        />
      </fieldset>
      <div className="row">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? submittingLabel : submitLabel}
        </button>
        <Link to={cancelTo} className="button button-secondary">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
