import { useEffect, useState } from "react";

/**
 * False during the server render and hydration, true once React runs the page in the browser. The
 * project pages mark their root with `data-hydrated` from it: the end-to-end tests wait for it
 * before using controls that need JavaScript (adding a metric row, the confirmation dialogs).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
