import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HIDDEN_TOKEN, outboxText } from "~/domain/notifications/outbox-query";

const invite = "Choose your password here:\n\nhttps://ladder.example/account/welcome/AbC-123_xyz\n";
const reset = "https://ladder.example/password/reset/tok3n?x=1 and more";

describe("the outbox shows no usable one-time link", () => {
  it("hides the token of invitation and reset links in emails a mail server carries", () => {
    for (const status of ["pending", "sent", "failed"]) {
      expect(outboxText(invite, status)).toBe(`Choose your password here:\n\nhttps://ladder.example/account/welcome/${HIDDEN_TOKEN}\n`);
      expect(outboxText(reset, status)).toBe(`https://ladder.example/password/reset/${HIDDEN_TOKEN}?x=1 and more`);
    }
  });

  it("shows the link whole in the local outbox, the only way it can reach its recipient", () => {
    expect(outboxText(invite, "local")).toBe(invite);
  });

  it("never lets a token through, whatever it is made of", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), fc.constantFrom("account/welcome", "password/reset"), (token, path) => {
        expect(outboxText(`see https://x.example/${path}/${token}\n`, "sent")).toBe(`see https://x.example/${path}/${HIDDEN_TOKEN}\n`);
      }),
    );
  });

  it("leaves other links alone", () => {
    const text = "Open it: https://ladder.example/interviews/abc/scorecard";
    expect(outboxText(text, "sent")).toBe(text);
  });
});
