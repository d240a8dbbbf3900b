import { expect, test, type APIResponse } from "@playwright/test";
import { unique } from "./fixtures";

// The throttle's 429 over real HTTP: the Retry-After header must reach the client, whichever way the form is posted.

/** Posts wrong passwords for `email` until the server answers 429 (at most 12 posts). */
async function postUntilThrottled(post: (password: string) => Promise<APIResponse>): Promise<APIResponse> {
  let answer: APIResponse | undefined;
  for (let i = 1; i <= 12; i++) {
    answer = await post(`wrong-password-${i}`);
    if (answer.status() === 429) return answer;
    expect(answer.status()).toBe(400);
  }
  return answer!;
}

test("a throttled sign-in answers 429 with a numeric Retry-After to a plain form post (document request)", async ({ request }) => {
  // An account nobody uses: the throttle must behave the same whether or not it exists.
  const email = `throttle.doc.${unique()}@nowhere.example`;
  const answer = await postUntilThrottled((password) => request.post("/login", { form: { email, password }, maxRedirects: 0 }));
  expect(answer.status()).toBe(429);
  expect(answer.headers()["content-type"]).toContain("text/html");
  expect(answer.headers()["retry-after"]).toMatch(/^[1-9]\d*$/);
  expect(await answer.text()).toContain("Too many failed sign-in attempts");
});

test("a throttled sign-in answers 429 with a numeric Retry-After to Remix's single-fetch .data post", async ({ request }) => {
  const email = `throttle.data.${unique()}@nowhere.example`;
  const answer = await postUntilThrottled((password) => request.post("/login.data", { form: { email, password }, maxRedirects: 0 }));
  expect(answer.status()).toBe(429);
  expect(answer.headers()["retry-after"]).toMatch(/^[1-9]\d*$/);
});
