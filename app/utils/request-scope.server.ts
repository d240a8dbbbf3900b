import { AsyncLocalStorage } from "node:async_hooks";

/**
 * One HTTP request's loaders, which Remix runs side by side (the root's and the page's), share
 * the reads they all make, such as the session: read once per request, not once per loader.
 * Remix hands each loader a Request of its own, so the request cannot be the key; the scope is
 * set around the whole request instead (remix-handler.ts).
 *
 * Only GET and HEAD share. An action may change what it reads (signing in or out, a password
 * change), and the loaders that Remix runs after an action, in the same HTTP request, get a GET
 * request of their own: they read afresh, after the action is done. Outside a scope (a test
 * calling a loader, a script) every read goes to the database.
 */
type Scope = Map<string, Promise<unknown>>;

// On globalThis: the server entry sets the scope, the app bundle (another module graph) reads it.
const KEY = Symbol.for("builder-ladder.request-scope");
const scope = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<Scope> };
const storage: AsyncLocalStorage<Scope> = (scope[KEY] ??= new AsyncLocalStorage<Scope>());

/** Runs one HTTP request's work (its action and loaders) in a scope of its own. */
export function withinRequest<T>(work: () => T): T {
  return storage.run(new Map(), work);
}

/** `read()`, made once per HTTP request for `key` when `request` is a loader's (GET or HEAD); otherwise made every time. */
export function readOncePerRequest<T>(request: Request, key: string, read: () => Promise<T>): Promise<T> {
  const reads = storage.getStore();
  if (!reads || (request.method !== "GET" && request.method !== "HEAD")) return read();
  const shared = reads.get(key) as Promise<T> | undefined;
  if (shared) return shared;
  const pending = read();
  reads.set(key, pending);
  // A failed read is not shared with a loader that asks later: it tries again.
  pending.catch(() => reads.delete(key));
  return pending;
}
