/**
 * Scans what one person was sent (loader data, or a CSV / JSON / iCalendar file) for what they may
 * not see, two ways:
 *
 * - by value: every secret of the catalogue (secrets.ts) that this viewer may not see, looked for
 *   in every string and number sent (a long text by its first and last 40 characters, so a
 *   truncated copy is caught too; a figure as digits or as "231,000");
 * - by key: credentials never; pay keys (baseSalary, bands, compaRatio, …) only where the route's
 *   rule lets this viewer see pay; a candidate's email, links or notes only for those who read
 *   candidates.
 *
 * Each string, number or boolean visited counts as one field scanned.
 */
import { hasPermission, type Viewer } from "~/domain/permissions";
import { parseCsv } from "../helpers/csv";
import type { Secret } from "./secrets";

export type Path = ReadonlyArray<string | number>;

export type ScanRules = {
  /** Where pay keys may carry a value for this viewer (none when absent). */
  payAllowedAt?: (path: Path) => boolean;
  /** Values this viewer may see here although the catalogue's rule alone would not show them. */
  allow?: ReadonlyArray<string | number>;
  /** Values that must not appear here, whatever the catalogue says. */
  forbid?: ReadonlyArray<{ kind: string; source: string; value: string }>;
};

export type ScanResult = { leaks: string[]; fields: number };

const CREDENTIAL_KEYS = new Set(["hash", "passwordHash", "idHash", "password", "temporaryPassword", "sessionSecret"]);
const PAY_KEYS = new Set([
  "baseSalary",
  "newBaseSalary",
  "bandJustification",
  "baseAtSubmission",
  "compaRatio",
  "bands",
  "band",
  "currentBase",
  "currentBand",
  "targetBand",
  "targetEquity",
  "equity",
  "learning_budget",
  "salary",
]);
const CONTACT_KEYS = new Set(["email", "links", "notes", "phone", "candidate_email"]);

type Leaf = { path: Path; value: string | number };

export function scanAnswer(viewer: Viewer | null, body: unknown, contentType: string | null, secrets: readonly Secret[], rules: ScanRules = {}): ScanResult {
  const leaks: string[] = [];
  const leaves: Leaf[] = [];
  let fields = 0;
  const readsCandidates = viewer !== null && hasPermission(viewer.roles, "read:candidate:any");

  const walk = (value: unknown, path: Path): void => {
    if (value === null || value === undefined) return;
    if (value instanceof Date) {
      fields += 1;
      leaves.push({ path, value: value.toISOString() });
      return;
    }
    if (typeof value === "string" || typeof value === "number") {
      fields += 1;
      leaves.push({ path, value });
      return;
    }
    if (typeof value === "boolean" || typeof value === "bigint") {
      fields += 1;
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (typeof value === "object") {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const at = [...path, key];
        if (carries(child)) {
          if (CREDENTIAL_KEYS.has(key)) leaks.push(`credential key ${show(at)}`);
          if (PAY_KEYS.has(key) && !(rules.payAllowedAt?.(at) ?? false)) leaks.push(`pay key ${show(at)}`);
          if (CONTACT_KEYS.has(key) && !readsCandidates && (key === "candidate_email" || path.some((k) => typeof k === "string" && /candidate/i.test(k)))) {
            leaks.push(`candidate contact key ${show(at)}`);
          }
        }
        walk(child, at);
      }
    }
  };
  walk(decodeBody(body, contentType), []);

  // By value: what this viewer may not see, less what they may (a value can be both).
  const { texts, figures, readable, pattern } = lensFor(viewer, secrets, rules);
  const strings = leaves.filter((l): l is Leaf & { value: string } => typeof l.value === "string");
  const all = strings.map((l) => l.value).join("\u0000");
  const reported = new Set<string | number>();
  const report = (value: string | number, leak: string) => {
    if (reported.has(value)) return;
    reported.add(value);
    leaks.push(leak);
  };
  for (const secret of texts) {
    for (const probe of secret.probes) {
      if (!all.includes(probe)) continue;
      const where = strings.find((l) => l.value.includes(probe))!;
      report(secret.value, `${secret.kind} (${secret.source}) at ${show(where.path)}`);
      break;
    }
  }
  for (const leaf of leaves) {
    if (typeof leaf.value === "number" && figures.has(leaf.value)) {
      const s = figures.get(leaf.value)!;
      report(leaf.value, `${s.kind} (${s.source}: ${leaf.value}) at ${show(leaf.path)}`);
    }
  }
  if (pattern) {
    for (const leaf of strings) {
      if (readable.has(leaf.value.trim())) continue;
      const match = pattern.exec(leaf.value);
      if (!match) continue;
      const n = Number(match[1]!.replace(/,/g, ""));
      const s = figures.get(n)!;
      report(n, `${s.kind} (${s.source}: ${match[1]}) at ${show(leaf.path)}`);
    }
  }
  return { leaks, fields };
}

type Lens = {
  texts: Array<{ kind: string; source: string; value: string; probes: string[] }>;
  figures: Map<number, { kind: string; source: string }>;
  /** The texts this viewer may read: a text they may read is not a leak of the figures it mentions ("100,000 users"). */
  readable: Set<string>;
  /** The hidden figures written out in a text, as digits or as "231,000". */
  pattern: RegExp | null;
};

const lenses = new WeakMap<readonly Secret[], Map<string, Lens>>();

/** What one viewer may not see, and how to find it; the same for every answer they get with the same rules. */
function lensFor(viewer: Viewer | null, secrets: readonly Secret[], rules: ScanRules): Lens {
  const key = `${viewer?.id ?? "-"}|${JSON.stringify(rules.allow ?? [])}|${JSON.stringify(rules.forbid ?? [])}`;
  let cache = lenses.get(secrets);
  if (!cache) lenses.set(secrets, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) return cached;

  const allowed = new Set<string | number>(rules.allow ?? []);
  const hidden: Secret[] = [];
  for (const s of secrets) {
    if (viewer && s.visibleTo(viewer)) allowed.add(s.value);
    else hidden.push(s);
  }
  const forbidden = [...hidden.filter((s) => !allowed.has(s.value)), ...(rules.forbid ?? [])];
  const readable = new Set([...allowed].filter((v): v is string => typeof v === "string"));
  const readableJoined = [...readable].join("\u0000");
  const texts: Lens["texts"] = [];
  const figures: Lens["figures"] = new Map();
  for (const s of forbidden) {
    if (typeof s.value === "number") {
      figures.set(s.value, s);
      continue;
    }
    // Probes that a readable text also holds tell nothing (a draft may quote a colleague's opening
    // words); a hidden text wholly inside a readable one cannot leak.
    const own = [...probes(s.value), s.value].filter((probe) => !readableJoined.includes(probe));
    if (own.length > 0) texts.push({ kind: s.kind, source: s.source, value: s.value, probes: own });
  }
  const alternatives = [...figures.keys()].flatMap((n) => [String(n), n.toLocaleString("en-US")]);
  const pattern = alternatives.length > 0 ? new RegExp(`(?<![0-9A-Za-z])(${alternatives.map(escape).join("|")})(?![0-9A-Za-z])`) : null;
  const lens = { texts, figures, readable, pattern };
  cache.set(key, lens);
  return lens;
}

/** Whether a value says anything (null, undefined and empty strings do not). */
function carries(value: unknown): boolean {
  return value !== null && value !== undefined && value !== "";
}

/** A text is found by its first 40 characters, and a long one by its last 40 as well. */
function probes(text: string): string[] {
  if (text.length <= 40) return [text];
  return text.length > 80 ? [text.slice(0, 40), text.slice(-40)] : [text.slice(0, 40)];
}

/** Loader data as it is; files as what their reader would see. */
function decodeBody(body: unknown, contentType: string | null): unknown {
  if (typeof body !== "string") return body;
  const type = contentType ?? "";
  if (type.startsWith("text/csv")) {
    const [header = [], ...rows] = parseCsv(body.replace(/^\uFEFF/, ""));
    return rows.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i] ?? ""])));
  }
  if (type.startsWith("application/json")) return JSON.parse(body) as unknown;
  if (type.startsWith("text/calendar")) {
    // RFC 5545: unfold continuation lines, then unescape TEXT values.
    return body
      .replace(/\r\n[ \t]/g, "")
      .split("\r\n")
      .filter(Boolean)
      .map((line) => line.replace(/\\n/gi, "\n").replace(/\\([,;\\])/g, "$1"));
  }
  return body;
}

function show(path: Path): string {
  return path.length === 0 ? "(body)" : path.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("").replace(/^\./, "");
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
