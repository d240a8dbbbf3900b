import type { useLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/packets.$packetId/route";

/** The packet page's loader data, as the browser receives it. */
export type PacketPageData = ReturnType<typeof useLoaderData<typeof loader>>;
