// Who read your data: the reads of your builder record, packets, pay and projects made by other people.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { LocalTime } from "~/components/local-time";
import { TableScroll } from "~/components/table-scroll";
import { readsOfPersonByOthers } from "~/data/audit-log.server";
import { describeReadOfYours, linkToRecordOfYours } from "~/domain/audit/describe";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Who read your data · Builder Ladder" }];

const PAGE_SIZE = 50;
/** The page number from the address; anything else is the first page (a list of one's own, nothing to get wrong). */
const PageSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);

/**
 * Every signed-in person may open it, and it lists only reads of their own data (entries whose
 * subject is the viewer), made by someone else: their own reads are left out.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = PageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
  const { reads, total, pages } = await readsOfPersonByOthers(user.id, page, PAGE_SIZE);
  return {
    reads: reads.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      reader: r.readerName ?? "The system",
      what: describeReadOfYours(r),
      link: linkToRecordOfYours(r),
    })),
    total,
    page,
    pages,
  };
}

export default function ReadsOfMinePage() {
  const { reads, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <article className="page stack" aria-labelledby="reads-title">
      <h1 id="reads-title">Who read your data</h1>
      <p className="lede">
        Each time someone else opens your builder record, your pay, your promotion packets or your projects&rsquo; outcomes, it is recorded. Your own
        visits are not listed.
      </p>
      <p role="status" className="muted">
        {total === 0 ? "Nobody else has read your data yet." : `${total === 1 ? "1 read" : `${total} reads`}, newest first. Page ${page} of ${pages}.`}
      </p>
      {reads.length > 0 ? (
        <TableScroll label="Reads of your data">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {reads.map((r) => (
                <tr key={r.seq}>
                  <td className="nowrap">
                    <LocalTime value={r.at} />
                  </td>
                  <td>{r.reader}</td>
                  <td>{r.link ? <Link to={r.link}>{r.what}</Link> : r.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {pages > 1 ? (
        <nav aria-label="Pages" className="row">
          {page > 1 ? <Link to={`/account/reads?page=${page - 1}`}>Newer</Link> : null}
          {page < pages ? <Link to={`/account/reads?page=${page + 1}`}>Older</Link> : null}
        </nav>
      ) : null}
      <p>
        <Link to="/account">Back to your account</Link>
      </p>
    </article>
  );
}
