import { useCallback, useEffect, useRef, useState } from "react";

export type SaveState =
  | { status: "idle" | "saving"; savedAt: Date | null }
  | { status: "saved"; savedAt: Date }
  | { status: "error"; savedAt: Date | null; message: string };

const QUIET_MS = 800; // save after this pause in typing…
const MAX_WAIT_MS = 3000; // …or at least this often while typing goes on
const RETRY_MS = 5000;

/**
 * Saves a draft while the interviewer types and when they leave the page, so a reload or a
 * crashed tab loses at most the last few seconds. `subscribe` calls back on every change.
 *
 * Every change is also kept in localStorage until the server has it: the save sent as a page
 * unloads can arrive after the reloaded page has read the draft, and a crashed tab sends
 * nothing. On load, a local copy newer than the server's draft is restored (`restore`) and saved.
 */
export function useAutosave({
  url,
  enabled,
  initialSavedAt,
  read,
  subscribe,
  restore,
}: {
  url: string;
  enabled: boolean;
  initialSavedAt: Date | null;
  read: () => unknown;
  subscribe: (onChange: () => void) => () => void;
  /** Puts a locally kept copy back into the form; false if it no longer fits. */
  restore: (values: unknown) => boolean;
}) {
  const [state, setState] = useState<SaveState>(
    initialSavedAt ? { status: "saved", savedAt: initialSavedAt } : { status: "idle", savedAt: null },
  );
  const dirty = useRef(false);
  const firstChange = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSaved = useRef<Date | null>(initialSavedAt);

  const storageKey = draftStorageKey(url);

  const save = useCallback(
    async (keepalive = false) => {
      if (!dirty.current) return;
      dirty.current = false;
      firstChange.current = null;
      const startedAt = Date.now();
      setState({ status: "saving", savedAt: lastSaved.current });
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(read()),
          credentials: "same-origin",
          keepalive,
        });
        const body = (await response.json().catch(() => ({}))) as { savedAt?: string; formErrors?: string[] };
        if (response.ok && body.savedAt) {
          forgetLocalCopy(storageKey, startedAt);
          lastSaved.current = new Date(body.savedAt);
          setState({ status: "saved", savedAt: lastSaved.current });
          return;
        }
        if (response.status === 409) {
          setState({ status: "error", savedAt: lastSaved.current, message: body.formErrors?.[0] ?? "This scorecard can no longer be saved as a draft." });
          return;
        }
        throw new Error(body.formErrors?.[0] ?? `Save failed (${response.status})`);
      } catch (error) {
        dirty.current = true;
        setState({ status: "error", savedAt: lastSaved.current, message: "Not saved yet: retrying in a few seconds." });
        if (!keepalive) timer.current = setTimeout(() => void save(), RETRY_MS);
        void error;
      }
    },
    [url, read, storageKey],
  );

  const schedule = useCallback(() => {
    dirty.current = true;
    const now = Date.now();
    firstChange.current ??= now;
    if (timer.current) clearTimeout(timer.current);
    const wait = Math.min(QUIET_MS, Math.max(0, MAX_WAIT_MS - (now - firstChange.current)));
    timer.current = setTimeout(() => void save(), wait);
  }, [save]);

  // A local copy newer than the server's draft wins, once, when the page opens.
  useEffect(() => {
    if (!enabled) return;
    const local = readLocalCopy(storageKey);
    if (local && local.at > (initialSavedAt?.getTime() ?? 0) && restore(local.values)) schedule();
    // Only on mount: later changes are this page's own.
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const unsubscribe = subscribe(() => {
      writeLocalCopy(storageKey, read());
      schedule();
    });
    const flush = () => {
      if (timer.current) clearTimeout(timer.current);
      void save(true);
    };
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [enabled, subscribe, save, schedule, read, storageKey]);

  /** Saves now (e.g. before submitting) and waits for it. */
  const flushNow = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    await save();
  }, [save]);

  return { state, flushNow };
}

type LocalCopy = { at: number; values: unknown };

function readLocalCopy(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    const parsed = raw ? (JSON.parse(raw) as LocalCopy) : null;
    return parsed && typeof parsed.at === "number" ? parsed : null;
  } catch {
    return null;
  }
}

function writeLocalCopy(key: string, values: unknown) {
  try {
    window.localStorage.setItem(key, JSON.stringify({ at: Date.now(), values }));
  } catch {
    // Storage full or disabled: the server save still runs.
  }
}

/** Drops the local copy once the server holds everything typed before `savedFrom`. */
function forgetLocalCopy(key: string, savedFrom: number) {
  const local = readLocalCopy(key);
  if (local && local.at <= savedFrom) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      /* nothing to do */
    }
  }
}

const draftStorageKey = (url: string) => `builder-ladder:draft:${url}`;

/** Drops the browser's copy of a draft once the scorecard is submitted: it can never be restored. */
export function forgetDraftCopy(url: string) {
  try {
    window.localStorage.removeItem(draftStorageKey(url));
  } catch {
    /* storage disabled */
  }
}
