import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterFailure, FIRST_RETRY_MS, MAX_ATTEMPTS, MAX_RETRY_MS, retryDelayMs } from "~/domain/notifications/backoff";
import { emailFor, emailTime, isNotificationKind, NOTIFICATION_KINDS, NOTIFICATION_LABELS, notificationPath } from "~/domain/notifications/events";
import { EMAIL_DEFAULTS, effectiveChoices, wantsEmail } from "~/domain/notifications/preferences";

const assigned = {
  kind: "interview.assigned" as const,
  interviewId: "int_1",
  stageName: "Technical deep dive",
  startsAt: new Date("2026-12-01T09:30:00Z"),
  durationMinutes: 60,
};

describe("notification events", () => {
  it("links each kind to the page where the person acts", () => {
    expect(notificationPath("interview.assigned", { type: "interview", id: "int_1" })).toBe("/interviews/int_1/scorecard");
    expect(notificationPath("interview.assigned", { type: "interview", id: "a/b" })).toBe("/interviews/a%2Fb/scorecard");
  });

  it("writes an email that says what to do, when, and links to it", () => {
    const mail = emailFor(assigned, "https://ladder.example.com/", "Ada");
    expect(mail.subject).toBe("Interview to run: Technical deep dive, Tue 1 Dec 2026, 09:30 UTC");
    expect(mail.text).toContain("Hello Ada,");
    expect(mail.text).toContain("submit your scorecard");
    expect(mail.text).toContain("\nhttps://ladder.example.com/interviews/int_1/scorecard\n");
  });

  it("never puts ratings, evidence, pay or the candidate in an email", () => {
    const mail = emailFor(assigned, "http://localhost:3000", "Ada");
    for (const word of [/rating/i, /evidence/i, /salary|pay\b|compensation/i, /candidate/i]) {
      expect(mail.subject).not.toMatch(word);
      expect(mail.text).not.toMatch(word);
    }
  });

  it("formats times in UTC with the weekday", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (d) => {
        const text = emailTime(d);
        expect(text).toMatch(/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/);
        expect(text).toContain(`${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")} UTC`);
      }),
    );
  });

  it("knows its kinds, each labelled", () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(isNotificationKind(kind)).toBe(true);
      expect(NOTIFICATION_LABELS[kind].label).not.toBe("");
    }
    expect(isNotificationKind("interview.rated")).toBe(false);
  });
});

describe("retry backoff", () => {
  it("starts at a minute, doubles, and stops at six hours", () => {
    expect(retryDelayMs(1)).toBe(FIRST_RETRY_MS);
    expect(retryDelayMs(2)).toBe(2 * FIRST_RETRY_MS);
    expect(retryDelayMs(3)).toBe(4 * FIRST_RETRY_MS);
    expect(retryDelayMs(1000)).toBe(MAX_RETRY_MS);
  });

  it("never shrinks from one try to the next and stays within its bounds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(retryDelayMs(n));
        expect(retryDelayMs(n)).toBeGreaterThanOrEqual(FIRST_RETRY_MS);
        expect(retryDelayMs(n)).toBeLessThanOrEqual(MAX_RETRY_MS);
      }),
    );
  });

  it("schedules the next try in the future, jitter adding at most a fifth, until the last try fails", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_ATTEMPTS - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, jitter) => {
        const next = afterFailure(n, now, jitter);
        expect(next.status).toBe("pending");
        if (next.status !== "pending") return;
        const wait = next.nextAttemptAt.getTime() - now.getTime();
        expect(wait).toBeGreaterThanOrEqual(retryDelayMs(n));
        expect(wait).toBeLessThanOrEqual(retryDelayMs(n) * 1.2 + 1);
      }),
    );
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: "failed" });
  });
});

describe("email preferences", () => {
  it("follows the default until the person chooses", () => {
    expect(wantsEmail("interview.assigned", {})).toBe(EMAIL_DEFAULTS["interview.assigned"]);
    expect(wantsEmail("interview.assigned", { "interview.assigned": false })).toBe(false);
    expect(wantsEmail("interview.assigned", { "interview.assigned": true, "old.kind": false })).toBe(true);
    expect(effectiveChoices({ "interview.assigned": false })).toEqual({ ...EMAIL_DEFAULTS, "interview.assigned": false });
  });
});
