import { getConfig } from "./env.server";

export const TEST_CLOCK_HEADER = "X-Test-Now";

/**
 * The time a request is handled at: the real clock, except under TEST_CLOCK=true (tests only,
 * refused in strict deployments) where an `X-Test-Now` header with an ISO time stands in for it.
 * Routes pass this `now` down; the domain never reads a clock itself.
 */
export function requestNow(request: Request): Date {
  const real = new Date();
  if (!getConfig().testClock) return real;
  const header = request.headers.get(TEST_CLOCK_HEADER);
  if (!header) return real;
  const moved = new Date(header);
  return Number.isNaN(moved.getTime()) ? real : moved;
}
