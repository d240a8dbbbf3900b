import type { loader } from "./route";
import type { SerializeFrom } from "@remix-run/node";

export type CommitteeData = SerializeFrom<typeof loader>;

// Placeholder until the page is built.
export function CommitteePage({ data }: { data: CommitteeData }) {
  return (
    <article className="page">
      <h1>Committee review: {data.loop.candidate.name}</h1>
    </article>
  );
}
