/**
 * Holds an answer until `ms` have passed since `startedAt` (a performance.now() reading), so that
 * paths doing different work (an account found or not) answer after the same time.
 */
export async function answerNoSoonerThan(startedAt: number, ms: number): Promise<void> {
  const left = startedAt + ms - performance.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}
