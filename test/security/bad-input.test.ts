/**
 * Generated bad input for every action (issue #11): each target of bad-input-targets.ts gets a
 * seeded sample of invalid inputs, sent as the persona who may use the action (so they reach its
 * parser) and some as personas who may not. Every answer must be a 4xx with a message — never a
 * success, a redirect, a 500 or a thrown Error — and no row may change (SQLite's total_changes on
 * the app's connection, backed by a content hash of every table around each target).
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { BASE } from "./expectations";
import { contentHash, rowsChangedBy } from "./fingerprint";
import { describeOutcome, invoke, messageOf, type Outcome } from "./invoke";
import { formWire, hostileString, noiseField, poisoned, type Fields } from "./bad-bodies";
import { buildTargets, type Input, type Target } from "./bad-input-targets";
import { signInPersonas, type Persona } from "./personas";
import { loadRouteManifest, type RouteEntry } from "./routes";
import { buildWorld } from "./world";

/** Inputs per target as the persona who may use the action, and per other persona. */
const RUNS = 45;
const RUNS_AS_OTHERS = 5;
const SEED = 20_261_130;
const MINIMUM_INPUTS = 1000;
/** Actions that read no input at all; each has a test of its own below. */
const READS_NO_INPUT = ["routes/logout", "routes/account.sign-out-everywhere"];

const world = await buildWorld();
const personas = await signInPersonas(world);
const targets = await buildTargets(world);
const manifest = await loadRouteManifest();
const personaOf = (key: string): Persona => {
  const found = personas.find((p) => p.key === key);
  if (!found) throw new Error(`No persona ${key}`);
  return found;
};

let sent = 0;
const perAction = new Map<string, number>();

afterAll(() => {
  console.info(`Bad input: ${sent} generated inputs sent to ${perAction.size} actions (${targets.length} targets), seed ${SEED}.`);
});

function request(target: Pick<Target, "url">, input: Input, cookie: string | null): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  if (input.contentType) headers.set("Content-Type", input.contentType);
  return new Request(new URL(target.url, BASE), { method: "POST", headers, body: input.body as BodyInit });
}

/** What is wrong with one answer to a bad input; nothing when it is a 4xx with a message and nothing was written. */
function judge(outcome: Outcome, changed: number): string | null {
  if ((Object.prototype as Record<string, unknown>).polluted !== undefined) return "polluted Object.prototype";
  if (outcome.error) return describeOutcome(outcome);
  if (changed > 0) return `wrote ${changed} row(s) and answered ${outcome.status}`;
  if (outcome.status < 400 || outcome.status >= 500) return `answered ${describeOutcome(outcome)}`;
  if (!messageOf(outcome.body)) return `answered ${outcome.status} without a message`;
  return null;
}

async function send(route: RouteEntry, target: Target, input: Input, persona: Persona): Promise<string | null> {
  const { result, changed } = await rowsChangedBy(() => invoke(route.action!, request(target, input, persona.cookie), target.params));
  sent += 1;
  perAction.set(target.route, (perAction.get(target.route) ?? 0) + 1);
  return judge(result, changed);
}

describe("generated bad input, for every action", () => {
  it("has a target for every action Remix serves (logout and sign-out-everywhere, which read no input, have their own test)", () => {
    const actions = manifest.filter((r) => r.action).map((r) => r.id);
    expect(actions.length).toBeGreaterThan(10);
    const covered = new Set(targets.map((t) => t.route));
    expect(actions.filter((id) => !READS_NO_INPUT.includes(id) && !covered.has(id))).toEqual([]);
  });

  targets.forEach((target) => {
    it(`${target.route} · ${target.name}`, async () => {
      // Each target's own seed, from its name: adding a target leaves the others' inputs as they were.
      const seed = SEED + [...target.name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);
      const route = manifest.find((r) => r.id === target.route);
      expect(route?.action, `${target.route} has an action`).toBeDefined();
      const inputs = fc.sample(target.input, { seed, numRuns: RUNS });
      const others = target.others.map(personaOf);
      const asOthers = fc.sample(target.input, { seed: seed + 1, numRuns: RUNS_AS_OTHERS * others.length });
      expect(inputs.length).toBe(RUNS);

      const failures = new Map<string, { count: number; example: string }>();
      const note = (problem: string | null, input: Input, persona: Persona) => {
        if (!problem) return;
        const key = `${problem.replace(/"[^"]*"/g, "…").slice(0, 140)} · ${input.transport}${persona.key === target.persona ? "" : ` · as ${persona.key}`}`;
        const seen = failures.get(key);
        if (seen) seen.count += 1;
        else failures.set(key, { count: 1, example: `${problem} ← [${input.poisons.join(", ")}]` });
      };

      const hashBefore = await contentHash();
      const persona = personaOf(target.persona);
      for (const input of inputs) note(await send(route!, target, input, persona), input, persona);
      for (const [i, input] of asOthers.entries()) {
        const other = others[i % others.length]!;
        note(await send(route!, target, input, other), input, other);
      }
      const hashAfter = await contentHash();

      const report = [...failures.entries()].map(([key, { count, example }]) => `${count}× ${key}\n      e.g. ${example}`);
      if (hashAfter !== hashBefore && failures.size === 0) report.push("the database changed although no request changed a row on the app's connection");
      expect(report).toEqual([]);
    }, 60_000);
  });

  it("signing out everywhere reads no input: whatever the body, signed out goes to sign in and nothing is written", async () => {
    const route = manifest.find((r) => r.id === "routes/account.sign-out-everywhere")!;
    const bodies = fc.sample(
      poisoned<Fields>(() => [], hostileString.map((v) => ({ label: `+x=${v}`, apply: (f: Fields) => [...f, ["x", v] as [string, string]] })), noiseField).chain(({ value, poisons }) =>
        formWire(value).map((wire) => ({ ...wire, poisons })),
      ),
      { seed: SEED - 2, numRuns: 20 },
    );
    for (const input of bodies) {
      const { result, changed } = await rowsChangedBy(() => invoke(route.action!, request({ url: "/account/sign-out-everywhere" }, input, null), {}));
      expect([result.status, result.headers.get("Location"), changed, result.error]).toEqual([302, "/login?redirectTo=%2Faccount%2Fsign-out-everywhere", 0, undefined]);
    }
  });

  it("logout reads no input: whatever the body, signed out goes to sign in and nothing is written", async () => {
    const route = manifest.find((r) => r.id === "routes/logout")!;
    const bodies = fc.sample(
      poisoned<Fields>(() => [["intent", "logout"]], hostileString.map((v) => ({ label: `+x=${v}`, apply: (f: Fields) => [...f, ["x", v] as [string, string]] })), noiseField).chain(({ value, poisons }) =>
        formWire(value).map((wire) => ({ ...wire, poisons })),
      ),
      { seed: SEED - 1, numRuns: 20 },
    );
    for (const input of bodies) {
      const { result, changed } = await rowsChangedBy(() => invoke(route.action!, request({ url: "/logout" }, input, null), {}));
      expect([result.status, result.headers.get("Location"), changed, result.error]).toEqual([302, "/login", 0, undefined]);
    }
  });

  it(`sent at least ${MINIMUM_INPUTS} generated bad inputs across the actions`, () => {
    expect(sent).toBeGreaterThanOrEqual(MINIMUM_INPUTS);
  });
});
