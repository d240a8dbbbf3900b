// Why: irreversible actions (submitting, removing, deciding) ask once more, in one accessible dialog shared by every form.
import { useCallback, useEffect, useId, useRef, useState, type ButtonHTMLAttributes, type ReactNode } from "react";

export type ConfirmDialogProps = {
  /** Open (shown modally) or closed. */
  open: boolean;
  /** The dialog's heading, which labels it: the question, e.g. "Submit this packet?". */
  title: string;
  /** What will happen, in the domain's words. */
  children: ReactNode;
  /** The confirming button's text: the action itself ("Submit packet"), never "OK". */
  confirmLabel: string;
  cancelLabel?: string;
  /**
   * True (the default) adds "This cannot be undone."; otherwise pass how it can be undone in
   * `children` (e.g. "You can reinstate it later.") and set this to false.
   */
  irreversible?: boolean;
  /** Styles the confirming button as dangerous (removals). */
  danger?: boolean;
  onConfirm: () => void;
  /** Called on Cancel, Escape, or a click on the backdrop. */
  onCancel: () => void;
};

/**
 * A modal confirmation on the native `<dialog>` (`showModal()`): focus moves into it (to Cancel,
 * the safe choice), Tab stays inside it, Escape cancels, and on closing focus goes back to the
 * element that had it when it opened (the trigger). It is labelled by its heading and described
 * by its text, and says whether the action can be undone.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = "Cancel", irreversible = true, danger = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      cancel.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Closed by any means (a button, Escape, or the component unmounting the state): focus returns.
  const onClose = useCallback(() => {
    const back = trigger.current;
    trigger.current = null;
    if (back && back.isConnected) back.focus();
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={onClose}
      onCancel={(event) => {
        // Escape: close through the parent's state, so React and the element agree.
        event.preventDefault();
        onCancel();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === ref.current) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`} className="confirm-dialog-body">
        {children}
        {irreversible ? <p className="confirm-dialog-final">This cannot be undone.</p> : null}
      </div>
      <div className="row confirm-dialog-actions">
        {/* Cancel first and focused: pressing Enter at once does nothing irreversible. */}
        <button ref={cancel} type="button" className="button button-secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className={danger ? "button button-danger" : "button"} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

type ConfirmSubmitProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "onClick" | "title"> & {
  /** The dialog: see ConfirmDialogProps. */
  confirm: Omit<ConfirmDialogProps, "open" | "onConfirm" | "onCancel">;
};

/**
 * A submit button that asks first. Without JavaScript it is a plain submit button and the form
 * works as before; once the page is interactive, a click opens the dialog and only "confirm"
 * submits the form (with this button as the submitter, so its name and value are sent).
 */
export function ConfirmSubmit({ confirm, children, ...button }: ConfirmSubmitProps) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={ref}
        type="submit"
        {...button}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        {children}
      </button>
      <ConfirmDialog
        {...confirm}
        open={open}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          const submitter = ref.current;
          submitter?.form?.requestSubmit(submitter);
        }}
      />
    </>
  );
}
