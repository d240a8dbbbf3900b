import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  deactivationRefusal,
  decideResetRequest,
  looksLikeAccountToken,
  managerChoiceProblem,
  mintAccountToken,
  reactivationRefusal,
  RESET_THROTTLE,
  TOKEN_BYTES,
  TOKEN_LIFETIME_MS,
  tokenProblem,
  type AccountFacts,
  type ResetRequest,
  type StoredToken,
} from "~/domain/accounts";
import { ChooseNewPasswordSchema } from "~/domain/password-policy";
import { conflict, forbidden } from "~/domain/refusal";
import { ROLES, type Role } from "~/domain/roles";

const now = new Date("2026-12-01T09:00:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(now.getTime() + ms);
const bytes = (fill: number) => () => new Uint8Array(TOKEN_BYTES).fill(fill);

describe("minting a link's token", () => {
  it("turns the 32 random bytes it is given into a 43-character URL-safe token, and expires 7 days (invite) or 1 hour (reset) later", () => {
    const invite = mintAccountToken("invite", now, bytes(0xff));
    expect(invite).toEqual({ token: Buffer.alloc(TOKEN_BYTES, 0xff).toString("base64url"), expiresAt: at(7 * DAY) });
    expect(invite.token).toHaveLength(43);
    expect(mintAccountToken("reset", now, bytes(0)).expiresAt).toEqual(at(1 * HOUR));
    expect(looksLikeAccountToken(invite.token)).toBe(true);
  });

  it("maps different bytes to different tokens, each of the link's shape (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: TOKEN_BYTES, maxLength: TOKEN_BYTES }), fc.uint8Array({ minLength: TOKEN_BYTES, maxLength: TOKEN_BYTES }), (a, b) => {
        const ta = mintAccountToken("invite", now, () => a).token;
        const tb = mintAccountToken("invite", now, () => b).token;
        expect(looksLikeAccountToken(ta)).toBe(true);
        expect(ta === tb).toBe(Buffer.from(a).equals(Buffer.from(b)));
        expect(Buffer.from(ta, "base64url").equals(Buffer.from(a))).toBe(true);
      }),
    );
  });

  it("refuses a source that gives fewer bytes than asked for", () => {
    expect(() => mintAccountToken("invite", now, () => new Uint8Array(16))).toThrow(/32 random bytes/);
  });

  it("does not look up what cannot be a token", () => {
    for (const value of [undefined, "", "short", "a".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}/`]) expect(looksLikeAccountToken(value)).toBe(false);
  });
});

describe("whether a link works", () => {
  const live: StoredToken = { purpose: "reset", expiresAt: at(HOUR), usedAt: null, userDeactivatedAt: null };

  it("works for its own purpose, unused, before it expires, for an active account; otherwise says why", () => {
    expect(tokenProblem(live, "reset", now)).toBeNull();
    expect(tokenProblem(null, "reset", now)).toBe("unknown");
    expect(tokenProblem(live, "invite", now)).toBe("wrong-purpose");
    expect(tokenProblem({ ...live, usedAt: at(-MINUTE) }, "reset", now)).toBe("used");
    expect(tokenProblem(live, "reset", at(HOUR))).toBe("expired");
    expect(tokenProblem({ ...live, userDeactivatedAt: at(-MINUTE) }, "reset", now)).toBe("deactivated");
  });

  it("works exactly while now is before its expiry and it is unused (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30 * DAY, max: 30 * DAY }), fc.integer({ min: -30 * DAY, max: 30 * DAY }), fc.option(fc.integer({ min: -DAY, max: DAY })), (expiresIn, later, usedAgo) => {
        const token: StoredToken = { purpose: "invite", expiresAt: at(expiresIn), usedAt: usedAgo === null ? null : at(usedAgo), userDeactivatedAt: null };
        const works = tokenProblem(token, "invite", at(later)) === null;
        expect(works).toBe(usedAgo === null && later < expiresIn);
      }),
    );
  });

  it("stops working once used, whatever the time (single use)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 * DAY }), (when) => {
        const minted = mintAccountToken("invite", now, bytes(7));
        const stored: StoredToken = { purpose: "invite", expiresAt: minted.expiresAt, usedAt: null, userDeactivatedAt: null };
        expect(tokenProblem(stored, "invite", at(when))).toBe(when < TOKEN_LIFETIME_MS.invite ? null : "expired");
        expect(tokenProblem({ ...stored, usedAt: at(when) }, "invite", at(when))).toBe("used");
      }),
    );
  });
});

describe("deactivating an account", () => {
  const LAST_ADMIN = conflict("This is the last active admin: give someone else the admin role first.");
  const person = (id: string, roles: Role[], deactivated = false): AccountFacts => ({ id, roles, deactivatedAt: deactivated ? at(-DAY) : null });

  it("refuses one's own account, an account already deactivated, and the last active admin", () => {
    const morgan = person("morgan", ["admin"]);
    expect(deactivationRefusal(morgan, morgan, ["morgan"])).toEqual(forbidden("You cannot deactivate your own account; ask another admin."));
    expect(deactivationRefusal(morgan, person("bea", ["builder"], true), ["morgan"])).toEqual(conflict("This account is already deactivated: reload the page."));
    expect(deactivationRefusal({ id: "system" }, morgan, ["morgan"])).toEqual(LAST_ADMIN);
    expect(deactivationRefusal(morgan, person("ada", ["admin", "interviewer"]), ["morgan", "ada"])).toBeNull();
    expect(deactivationRefusal(morgan, person("bea", ["builder"]), ["morgan"])).toBeNull();
  });

  it("never leaves the organisation without an active admin, and refuses nothing else (property)", () => {
    const ids = ["a", "b", "c", "d"];
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom(...ids),
        fc.subarray([...ROLES]),
        fc.boolean(),
        fc.subarray(ids),
        (actorId, targetId, roles, deactivated, activeAdmins) => {
          const target = person(targetId, roles, deactivated);
          // The facts are consistent: the target is among the active admins exactly when it is one.
          const admins = activeAdmins.filter((id) => id !== targetId).concat(roles.includes("admin") && !deactivated ? [targetId] : []);
          const refusal = deactivationRefusal({ id: actorId }, target, admins);
          if (refusal === null) {
            expect(admins.filter((id) => id !== targetId).length > 0 || !roles.includes("admin")).toBe(true);
            expect(actorId).not.toBe(targetId);
            expect(deactivated).toBe(false);
          } else if (refusal.message === LAST_ADMIN.message) {
            expect(admins).toEqual([targetId]);
          }
        },
      ),
    );
  });

  it("reactivates only a deactivated account", () => {
    expect(reactivationRefusal(person("bea", ["builder"], true))).toBeNull();
    expect(reactivationRefusal(person("bea", ["builder"]))).toEqual(conflict("This account is not deactivated: reload the page."));
  });
});

describe("choosing a builder's manager", () => {
  it("takes an active account with the manager role, other than the builder", () => {
    expect(managerChoiceProblem("bea", { id: "marcus", roles: ["manager", "interviewer"], deactivatedAt: null })).toBeNull();
    expect(managerChoiceProblem("bea", null)).toBe("Choose a manager from the list");
    expect(managerChoiceProblem("bea", { id: "bea", roles: ["manager", "builder"], deactivatedAt: null })).toBe("A builder cannot be their own manager");
    expect(managerChoiceProblem("bea", { id: "leo", roles: ["builder"], deactivatedAt: null })).toBe("Choose someone who holds the manager role");
    expect(managerChoiceProblem("bea", { id: "old", roles: ["manager"], deactivatedAt: at(-DAY) })).toBe("That account is deactivated: choose an active manager");
  });
});

describe("the reset request throttle", () => {
  const req = (ms: number, email = "bea@x.example", address = "10.0.0.1"): ResetRequest => ({ email, address, at: at(ms) });

  it("lets 3 links an hour through for one email, from any address, then waits for the oldest to age out", () => {
    const three = [req(-50 * MINUTE, "bea@x.example", "10.0.0.1"), req(-20 * MINUTE, "bea@x.example", "10.0.0.2"), req(-5 * MINUTE, "bea@x.example", "10.0.0.3")];
    expect(decideResetRequest(three.slice(0, 2), "bea@x.example", "10.0.0.9", now)).toEqual({ allowed: true });
    expect(decideResetRequest(three, "bea@x.example", "10.0.0.9", now)).toEqual({ allowed: false, retryAt: at(10 * MINUTE) });
    expect(decideResetRequest(three, "bea@x.example", "10.0.0.9", at(10 * MINUTE))).toEqual({ allowed: true });
    expect(decideResetRequest(three, "leo@x.example", "10.0.0.1", now)).toEqual({ allowed: true });
  });

  it("lets 10 requests an hour through from one address, whatever the emails", () => {
    const ten = Array.from({ length: 10 }, (_, i) => req(-(i + 1) * MINUTE, `person${i}@x.example`, "10.0.0.1"));
    expect(decideResetRequest(ten.slice(1), "new@x.example", "10.0.0.1", now)).toEqual({ allowed: true });
    expect(decideResetRequest(ten, "new@x.example", "10.0.0.1", now)).toEqual({ allowed: false, retryAt: at(HOUR - 10 * MINUTE) });
    expect(decideResetRequest(ten, "new@x.example", "10.0.0.2", now)).toEqual({ allowed: true });
  });

  it("never lets more requests through than the limits allow, however they come (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * HOUR }), fc.constantFrom("a@x.example", "b@x.example"), fc.constantFrom("10.0.0.1", "10.0.0.2")), { maxLength: 60 }),
        (tries) => {
          const granted: ResetRequest[] = [];
          for (const [t, email, address] of [...tries].sort((x, y) => x[0] - y[0])) {
            if (decideResetRequest(granted, email, address, at(t)).allowed) granted.push(req(t, email, address));
          }
          for (const g of granted) {
            const inHour = granted.filter((o) => o.at.getTime() > g.at.getTime() - HOUR && o.at.getTime() <= g.at.getTime());
            expect(inHour.filter((o) => o.email === g.email).length).toBeLessThanOrEqual(RESET_THROTTLE.perEmail.max);
            expect(inHour.filter((o) => o.address === g.address).length).toBeLessThanOrEqual(RESET_THROTTLE.perAddress.max);
          }
        },
      ),
    );
  });
});

describe("a new password from a link", () => {
  it("follows the same length rule as changing one's password, typed the same twice", () => {
    const parse = (newPassword: string, confirmPassword = newPassword) => ChooseNewPasswordSchema.safeParse({ newPassword, confirmPassword });
    expect(parse("a brand new passphrase").success).toBe(true);
    expect(parse("too short").success).toBe(false);
    expect(parse("🦊".repeat(12)).success).toBe(true);
    expect(parse("a brand new passphrase", "a brand new passphrasE").success).toBe(false);
    expect(parse("x".repeat(1025)).success).toBe(false);
  });
});
