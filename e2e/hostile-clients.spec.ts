import http from "node:http";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// The built server as careless and hostile clients meet it: every answer a clear 4xx, never a 500,
// and slow clients never keep the others out.

function target(baseURL: string | undefined) {
  const url = new URL(baseURL!);
  return { host: url.hostname, port: Number(url.port) };
}

test("bodies that are not forms, broken forms and opaque origins get a 4xx with a message", async ({ request }) => {
  const form = { email: "nobody@northwind.example", password: "wrong-password" };
  const answers = [
    [await request.post("/login", { headers: { Origin: "null" }, form }), 403],
    [await request.post("/login.data", { headers: { Origin: "null" }, form }), 403],
    [await request.post("/login", { headers: { Origin: "https://evil.example" }, form }), 403],
    [await request.post("/login", { headers: { "Content-Type": "application/json" }, data: JSON.stringify(form) }), 415],
    [await request.post("/login", { headers: { "Content-Type": "text/plain" }, data: "email=a" }), 415],
    [await request.post("/login", { headers: { "Content-Type": "multipart/form-data; boundary=xyz" }, data: "--xyz\r\nContent-Disposition: form-da" }), 400],
  ] as const;
  for (const [answer, status] of answers) {
    expect(answer.status(), await answer.text()).toBe(status);
    expect((await answer.text()).length).toBeGreaterThan(0);
  }
});

test("a body declared larger than the limit is refused with 413 before it is sent", async ({ baseURL }) => {
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request({ ...target(baseURL), method: "POST", path: "/login", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(100 * 1024 * 1024) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.flushHeaders(); // headers only: not one byte of the 100 MB body
  });
  expect(status).toBe(413);
});

test("more slow uploads than the server works on at once do not keep a signed-in user from a page", async ({ page, baseURL }) => {
  await signIn(page, "interviewer");
  // Twelve connections (the server works on 8 requests at once) each trickle a sign-in body.
  const slow = Array.from({ length: 12 }, () => {
    const socket = net.connect(target(baseURL).port, target(baseURL).host);
    socket.on("error", () => {});
    let answered = false;
    socket.on("data", () => (answered = true));
    socket.write(`POST /login HTTP/1.1\r\nHost: ${new URL(baseURL!).host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\n`);
    return { socket, answered: () => answered };
  });
  const trickle = setInterval(() => slow.forEach((c) => c.socket.write("a")), 250);
  try {
    await page.waitForTimeout(500);
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
    // They were all still uploading while the page was served.
    expect(slow.filter((c) => c.answered())).toHaveLength(0);
  } finally {
    clearInterval(trickle);
    slow.forEach((c) => c.socket.destroy());
  }
});
