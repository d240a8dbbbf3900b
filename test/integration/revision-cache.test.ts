/**
 * Figures kept per revision (app/data/revision-cache.ts): a value is served while its key's
 * revision stays the same and computed again once it moves; on the committee page, a change to a
 * loop's scorecards shows on the next read (no stale leniency).
 */
import { describe, expect, it } from "vitest";
import { readCommitteePage } from "~/data/committee-page.server";
import { findLoop } from "~/data/loops.server";
import { clearRevisionCaches, revisionCache } from "~/data/revision-cache";
import { amendScorecard, openScorecard, submitScorecard } from "~/data/scorecards.server";
import { countStatements } from "~/data/statement-count";
import { loopWithInterviews, stage2Content } from "../helpers/loops";
import { createUser } from "../helpers/users";
import { actorOf } from "../helpers/actor";

describe("revisionCache", () => {
  it("computes only the keys whose revision moved, and forgets everything on clear", async () => {
    const cache = revisionCache<string, string>("test figures");
    const computed: string[][] = [];
    const compute = async (stale: string[]) => {
      computed.push(stale);
      return stale.map((k) => [k, `${k}@${Date.now()}`] as const);
    };
    const first = await cache.read(new Map([["a", 1], ["b", 2]]), compute);
    const again = await cache.read(new Map([["a", 1], ["b", 3]]), compute);
    expect(computed).toEqual([["a", "b"], ["b"]]);
    expect(again.get("a")).toBe(first.get("a"));
    expect(cache.highestRevision()).toBe(3);
    // An older revision never replaces a newer one.
    cache.set("b", 2, "old");
    expect(cache.get("b", 3)).toBe(again.get("b"));
    // A key the computation leaves out has no value.
    expect((await cache.read(new Map([["c", 4]]), async () => [])).has("c")).toBe(false);
    clearRevisionCaches();
    expect(cache.values()).toEqual([]);
    expect(cache.highestRevision()).toBe(0);
  });

  it("computes a stale key once for readers that ask at the same time, and again for a later revision", async () => {
    const cache = revisionCache<string, string>("test figures, concurrent");
    const computed: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const compute = async (stale: string[]) => {
      const call = computed.push(stale);
      await gate;
      return stale.map((k) => [k, `${k}#${call}`] as const);
    };
    const readers = [cache.read(new Map([["a", 1]]), compute), cache.read(new Map([["a", 1], ["b", 1]]), compute), cache.read(new Map([["a", 2]]), compute)] as const;
    release();
    const [one, two, later] = await Promise.all(readers);
    expect(computed).toEqual([["a"], ["b"], ["a"]]);
    expect(two.get("a")).toBe(one.get("a"));
    expect(later.get("a")).not.toBe(one.get("a"));
    expect(cache.get("a", 2)).toBe(later.get("a"));
  });

  it("lets every waiting reader see a failed computation fail, and tries again on the next read", async () => {
    const cache = revisionCache<string, string>("test figures, failing");
    let fail = true;
    const compute = async (stale: string[]) => {
      await Promise.resolve();
      if (fail) throw new Error("disk full");
      return stale.map((k) => [k, "ok"] as const);
    };
    const results = await Promise.allSettled([cache.read(new Map([["a", 1]]), compute), cache.read(new Map([["a", 1]]), compute)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect((await cache.read(new Map([["a", 1]]), compute)).get("a")).toBe("ok");
  });
});

describe("the committee page's leniency", () => {
  it("follows a change to the loop's scorecards on the next read, and is not computed again while nothing changes", async () => {
    const [a, b] = [await createUser(["interviewer"]), await createUser(["interviewer"])];
    const { loopId, interviewIds } = await loopWithInterviews([{ stageId: "technical_deep_dive", interviewerIds: [a.id, b.id] }]);
    const rubric = (await findLoop(loopId))!.rubric;
    const stage = rubric.stages.find((s) => s.id === "technical_deep_dive")!;
    const competencyOf = (id: string) => stage.criteria.find((c) => c.id === id)!.competency;
    const card = (who: string) => openScorecard({ id: interviewIds[0]!, loopId, stageId: "technical_deep_dive" }, who, actorOf(who), new Date());
    await submitScorecard(await card(a.id), stage2Content([4, 4, 4, 4]) as never, competencyOf, actorOf(a), new Date());
    await submitScorecard(await card(b.id), stage2Content([2, 2, 2, 2]) as never, competencyOf, actorOf(b), new Date());

    const page = async () => (await readCommitteePage((await findLoop(loopId))!, "committee")).evidence!;
    const leniencyOf = async (id: string) => (await page()).leniency.find((l) => l.interviewerId === id);
    expect(await leniencyOf(a.id)).toMatchObject({ meanDifference: 2, label: "lenient" });
    // Nothing changed: the page reads in one statement, the leniency comes from the cache.
    const loop = (await findLoop(loopId))!;
    expect((await countStatements(() => readCommitteePage(loop, "committee"))).statements).toBe(1);

    await amendScorecard(await card(b.id), stage2Content([4, 4, 4, 4]) as never, { reason: "Re-read.", basedOn: 1 }, actorOf(b), competencyOf, new Date());
    const after = await page();
    expect(after.leniency.find((l) => l.interviewerId === a.id)).toMatchObject({ meanDifference: 0, label: "in line" });
    expect(after.ratings.filter((r) => r.interviewerId === b.id).map((r) => r.rating)).toEqual([4, 4, 4, 4]);
  });
});
