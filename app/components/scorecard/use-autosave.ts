import { useCallback, useEffect, useRef, useState } from "react";
import { sameContent, type CurrentDraft, type DraftSaveAnswer } from "~/domain/scorecard/draft-save";

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
 * Every save names the draft version it is based on (see `~/domain/scorecard/draft-save`), and
 * saves run one at a time, each based on the version the one before produced. When another tab or
 * window saved meanwhile, the server refuses (409 "stale") and sends its newer draft: autosave
 * then stops, keeps what was typed here in the form and in localStorage, and waits for the person
 * to choose: `keepMine` saves this page's text over the newer version on purpose, `takeNewer` loads
 * the newer version into the form.
 *
 * Every change is also kept in localStorage (one copy per page, with the version it was based on)
 * until the server has it: the save sent as a page unloads can arrive after the reloaded page has
 * read the draft, and a crashed tab sends nothing. On load, a copy that differs from the server's
 * draft is put back into the form; it is saved only if it was based on the server's current
 * version, otherwise the same choice is offered.
 */
export function useAutosave({
  url,
  enabled,
  initialVersion,
  initialSavedAt,
  read,
  subscribe,
  restore,
}: {
  url: string;
  enabled: boolean;
  /** The draft version the page was loaded at. */
  initialVersion: number;
  initialSavedAt: Date | null;
  read: () => unknown;
  subscribe: (onChange: () => void) => () => void;
  /** Puts values into the form (a kept copy, or the newer version); false if they no longer fit. */
  restore: (values: unknown) => boolean;
}) {
  const [state, setState] = useState<SaveState>(
    initialSavedAt ? { status: "saved", savedAt: initialSavedAt } : { status: "idle", savedAt: null },
  );
  const [conflict, setConflictState] = useState<CurrentDraft | null>(null);
  const conflictRef = useRef<CurrentDraft | null>(null);
  const locked = useRef(false);
  const dirty = useRef(false);
  const firstChange = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSaved = useRef<Date | null>(initialSavedAt);
  /** The version the form is based on: the last one loaded or saved by this page. */
  const version = useRef(initialVersion);
  /** The save on its way, and the version it is based on. */
  const inflight = useRef<{ done: Promise<void>; base: number } | null>(null);
  /** True while the form is filled from outside (a restore): those changes are not typing. */
  const applying = useRef(false);
  const pageId = useRef<string | null>(null);
  const scheduleRef = useRef<() => void>(() => {});

  const storageKey = draftStorageKey(url);
  const ownKey = useCallback(() => {
    pageId.current ??= Math.random().toString(36).slice(2) + Date.now().toString(36);
    return `${storageKey}#${pageId.current}`;
  }, [storageKey]);

  const setConflict = useCallback((current: CurrentDraft | null) => {
    conflictRef.current = current;
    setConflictState(current);
  }, []);

  const fill = useCallback(
    (values: unknown) => {
      applying.current = true;
      try {
        return restore(values);
      } finally {
        applying.current = false;
      }
    },
    [restore],
  );

  const save = useCallback(
    async (keepalive = false) => {
      // One save at a time, each on the version the one before produced. A page being closed
      // cannot wait: it sends at once, on the version the save on its way will produce.
      if (!keepalive) while (inflight.current) await inflight.current.done;
      if (!dirty.current || conflictRef.current || locked.current) return;
      dirty.current = false;
      firstChange.current = null;
      const base = inflight.current ? inflight.current.base + 1 : version.current;
      // A copy: the form's own values change in place as typing goes on.
      const values = structuredClone(read());
      const startedAt = Date.now();
      setState({ status: "saving", savedAt: lastSaved.current });
      const done = (async () => {
        try {
          const response = await fetch(url, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ version: base, content: values }),
            credentials: "same-origin",
            keepalive,
          });
          const body = (await response.json().catch(() => ({}))) as Partial<DraftSaveAnswer> & Record<string, unknown>;
          if (response.ok && body.ok && typeof body.version === "number" && typeof body.savedAt === "string") {
            version.current = Math.max(version.current, body.version);
            settleLocalCopy(ownKey(), startedAt, version.current);
            lastSaved.current = new Date(body.savedAt);
            setState({ status: "saved", savedAt: lastSaved.current });
            return;
          }
          if (response.status === 409 && body.reason === "stale" && body.current) {
            const current = body.current as CurrentDraft;
            if (sameContent(current.content, values)) {
              // The newer version holds exactly this text (a save sent as the page before this one
              // closed, arriving late): nothing to choose; carry on from it.
              version.current = Math.max(version.current, current.version);
              settleLocalCopy(ownKey(), startedAt, version.current);
              lastSaved.current = current.savedAt ? new Date(current.savedAt) : lastSaved.current;
              setState(lastSaved.current ? { status: "saved", savedAt: lastSaved.current } : { status: "idle", savedAt: null });
              if (dirty.current) scheduleRef.current();
              return;
            }
            // Someone saved a newer version: nothing was written. Stop and let the person choose.
            if (timer.current) clearTimeout(timer.current);
            dirty.current = true;
            setConflict(current);
            setState({ status: "error", savedAt: lastSaved.current, message: "Not saved: a newer version was saved in another tab or window." });
            return;
          }
          if (response.status === 409) {
            locked.current = true;
            const message = Array.isArray(body.formErrors) ? String(body.formErrors[0]) : "This scorecard can no longer be saved as a draft.";
            setState({ status: "error", savedAt: lastSaved.current, message });
            return;
          }
          throw new Error(`Save failed (${response.status})`);
        } catch {
          dirty.current = true;
          setState({ status: "error", savedAt: lastSaved.current, message: "Not saved yet: retrying in a few seconds." });
          if (!keepalive) timer.current = setTimeout(() => void save(), RETRY_MS);
        }
      })();
      if (keepalive) return done;
      const entry = { done, base };
      inflight.current = entry;
      await done;
      if (inflight.current === entry) inflight.current = null;
    },
    [url, read, ownKey, setConflict],
  );

  const schedule = useCallback(() => {
    dirty.current = true;
    if (conflictRef.current) return; // nothing is saved until the person chooses
    const now = Date.now();
    firstChange.current ??= now;
    if (timer.current) clearTimeout(timer.current);
    const wait = Math.min(QUIET_MS, Math.max(0, MAX_WAIT_MS - (now - firstChange.current)));
    timer.current = setTimeout(() => void save(), wait);
  }, [save]);
  scheduleRef.current = schedule;

  // When the page opens: a kept copy that differs from the server's draft goes back into the form.
  useEffect(() => {
    if (!enabled) return;
    const server = structuredClone(read());
    const copies = readLocalCopies(storageKey).filter((c) => {
      if (!sameContent(c.values, server)) return true;
      removeItem(c.key); // the server has it already
      return false;
    });
    const newest = copies.sort((a, b) => b.at - a.at)[0];
    if (!newest) return;
    removeItem(newest.key);
    if (!fill(newest.values)) return;
    // The copy is this page's now (kept until saved), with the version it was based on.
    writeLocalCopy(ownKey(), read(), newest.version ?? -1);
    if (newest.version === initialVersion) {
      schedule();
    } else {
      dirty.current = true;
      setConflict({ version: initialVersion, content: server as CurrentDraft["content"], savedAt: initialSavedAt?.toISOString() ?? null });
      setState({ status: "error", savedAt: lastSaved.current, message: "Not saved: this browser kept text based on an older version." });
    }
    // Only on mount: later changes are this page's own.
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const unsubscribe = subscribe(() => {
      if (applying.current) return;
      writeLocalCopy(ownKey(), read(), version.current);
      schedule();
    });
    const flush = () => {
      if (timer.current) clearTimeout(timer.current);
      void save(true);
    };
    const onVisibility = () => {
      if (document.visibilityState !== "hidden") return;
      // The page lives on while hidden: the save waits its turn behind one on its way.
      if (timer.current) clearTimeout(timer.current);
      void save();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [enabled, subscribe, save, schedule, read, ownKey]);

  /**
   * Saves now (before submitting) and waits for it. The version to submit on, or null when the
   * draft may not be submitted from this page (a newer version to choose about, or submitted).
   */
  const flushNow = useCallback(async (): Promise<number | null> => {
    if (timer.current) clearTimeout(timer.current);
    await save();
    while (inflight.current) await inflight.current.done;
    return conflictRef.current || locked.current ? null : version.current;
  }, [save]);

  /** The submission was refused as stale: the same choice as for an autosave. */
  const reportConflict = useCallback(
    (current: CurrentDraft) => {
      if (timer.current) clearTimeout(timer.current);
      dirty.current = true;
      setConflict(current);
      setState({ status: "error", savedAt: lastSaved.current, message: "Not submitted: a newer version was saved in another tab or window." });
    },
    [setConflict],
  );

  /** Saves this page's text over the newer version, on purpose. */
  const keepMine = useCallback(() => {
    const current = conflictRef.current;
    if (!current) return Promise.resolve();
    version.current = current.version;
    setConflict(null);
    writeLocalCopy(ownKey(), read(), version.current);
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    return save();
  }, [save, setConflict, read, ownKey]);

  /** Replaces this page's text with the newer version. */
  const takeNewer = useCallback(() => {
    const current = conflictRef.current;
    if (!current) return;
    fill(current.content);
    version.current = current.version;
    dirty.current = false;
    removeItem(ownKey());
    setConflict(null);
    lastSaved.current = current.savedAt ? new Date(current.savedAt) : lastSaved.current;
    setState(lastSaved.current ? { status: "saved", savedAt: lastSaved.current } : { status: "idle", savedAt: null });
  }, [fill, setConflict, ownKey]);

  return { state, conflict, flushNow, reportConflict, keepMine, takeNewer };
}

type LocalCopy = { key: string; at: number; version: number | null; values: unknown };

const draftStorageKey = (url: string) => `builder-ladder:draft:${url}`;

/** Every copy of this draft kept by any page (one key per page; the bare key is from older pages). */
function readLocalCopies(storageKey: string): LocalCopy[] {
  const copies: LocalCopy[] = [];
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (!key || (key !== storageKey && !key.startsWith(`${storageKey}#`))) continue;
      const parsed = JSON.parse(window.localStorage.getItem(key) ?? "null") as Partial<LocalCopy> | null;
      if (parsed && typeof parsed.at === "number") {
        copies.push({ key, at: parsed.at, version: typeof parsed.version === "number" ? parsed.version : null, values: parsed.values });
      }
    }
  } catch {
    // Storage disabled, or a copy that is not JSON: nothing to restore.
  }
  return copies;
}

function writeLocalCopy(key: string, values: unknown, version: number) {
  try {
    window.localStorage.setItem(key, JSON.stringify({ at: Date.now(), version, values }));
  } catch {
    // Storage full or disabled: the server save still runs.
  }
}

/**
 * After a save: drops this page's copy when the server holds everything typed before `savedFrom`;
 * a copy typed since stays, now based on the version the save produced.
 */
function settleLocalCopy(key: string, savedFrom: number, version: number) {
  try {
    const raw = window.localStorage.getItem(key);
    const copy = raw ? (JSON.parse(raw) as { at: number; values: unknown }) : null;
    if (!copy) return;
    if (copy.at <= savedFrom) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify({ ...copy, version }));
  } catch {
    /* nothing to do */
  }
}

function removeItem(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* storage disabled */
  }
}

/** Drops the browser's copies of a draft once the scorecard is submitted: they can never be restored. */
export function forgetDraftCopy(url: string) {
  for (const copy of readLocalCopies(draftStorageKey(url))) removeItem(copy.key);
}
