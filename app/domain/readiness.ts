// When the app is ready for traffic: its database answers and holds every migration this code expects.

/** `database`: which kind the instance runs on, so an operator sees at a glance that every instance uses the one meant. */
export type Readiness = ({ ready: true } | { ready: false; reason: string }) & { database?: "sqlite" | "postgresql" };

/**
 * Ready when every migration the code ships (`expected`, by folder name) is applied. The reason
 * names what is missing, and never anything about the data.
 */
export function migrationReadiness(expected: readonly string[], applied: readonly string[]): Readiness {
  const done = new Set(applied);
  const pending = expected.filter((name) => !done.has(name));
  if (pending.length === 0) return { ready: true };
  const list = pending.slice(0, 3).join(", ") + (pending.length > 3 ? `, and ${pending.length - 3} more` : "");
  return { ready: false, reason: `${pending.length === 1 ? "1 migration is" : `${pending.length} migrations are`} not applied: ${list}` };
}
