// The build reports what needs attention only: an empty client chunk is expected for a resource route and nowhere else.
import type { Rollup } from "vite";
import { describe, expect, it } from "vitest";
import config from "../../vite.config";

type RollupLog = Rollup.RollupLog;

type OnWarn = (warning: RollupLog, warn: (warning: RollupLog) => void) => void;
const onwarn = config.build?.rollupOptions?.onwarn as OnWarn;

/** What the build would print for these warnings. */
function printed(...warnings: RollupLog[]): RollupLog[] {
  const out: RollupLog[] = [];
  for (const warning of warnings) onwarn(warning, (w) => out.push(w));
  return out;
}

const emptyChunk = (name: string): RollupLog => ({ code: "EMPTY_BUNDLE", message: `Generated an empty chunk: "${name}".`, names: [name] });

describe("the build's warnings", () => {
  it("leave out the empty client chunks of routes with only a loader or an action", () => {
    const resourceRoutes = [
      "account.sign-out-everywhere",
      "committee.loops_._csv",
      "committee.loops_._json",
      "committee.scorecards_._csv",
      "committee.scorecards_._json",
      "interviews._interviewId.calendar_._ics",
      "logout",
      "scorecards._scorecardId.draft",
    ];
    expect(printed(...resourceRoutes.map(emptyChunk))).toEqual([]);
  });

  it("still report an empty chunk anywhere else, and other warnings", () => {
    expect(printed(emptyChunk("candidates._index"), emptyChunk("committee._index"), emptyChunk("some-shared-chunk"))).toHaveLength(3);
    expect(printed({ code: "CIRCULAR_DEPENDENCY", message: "Circular dependency" })).toHaveLength(1);
  });
});
