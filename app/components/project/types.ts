import type { useLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/projects.$projectId._index/route";

/** The project page's loader data, as the browser receives it. */
export type ProjectPageData = ReturnType<typeof useLoaderData<typeof loader>>;
