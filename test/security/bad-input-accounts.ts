/** Bad-input targets for the account actions (the users page's account forms, one-time links, a forgotten password); buildTargets (bad-input-targets.ts) appends them. */
import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import { prisma } from "~/data/db.server";
import { mintAccountToken, type AccountTokenPurpose } from "~/domain/accounts";
import { isRole } from "~/domain/roles";
import { dropField, formWire, hostileString, noiseField, oversize, poisoned, repeatField, setField, type Fields, type Poison } from "./bad-bodies";
import type { Target } from "./bad-input-targets";
import type { World } from "./world";

const oneOf = <T>(...values: T[]) => fc.constantFrom(...values);
const notEmail = hostileString.filter((s) => !s.includes("@"));

function form(base: Fields, poison: fc.Arbitrary<Poison<Fields>>) {
  return poisoned(() => base, poison, noiseField).chain(({ value, poisons }) => formWire(value).map((wire) => ({ ...wire, poisons })));
}

/** A working link for someone made for it (no password yet for an invitation), so that inputs reach the form's parser. */
async function workingLink(purpose: AccountTokenPurpose, email: string): Promise<string> {
  const now = new Date();
  const user = await prisma.user.create({ data: { email, name: "Link Holder", roles: { create: [{ role: "builder" }] } } });
  const { token, expiresAt } = mintAccountToken(purpose, now, randomBytes);
  await prisma.accountToken.create({ data: { userId: user.id, purpose, tokenHash: createHash("sha256").update(token).digest("hex"), createdAt: now, expiresAt } });
  return token;
}

/** A new password typed twice, never the same twice: every poison keeps it refused (a short or missing one, or a mismatch). */
function passwordForm() {
  return form(
    [
      ["newPassword", "a perfectly fine passphrase"],
      ["confirmPassword", "a different fine passphrase"],
    ],
    fc.oneof(
      oneOf("", "short", "eleven char", "🔑".repeat(11), "a\u0000b").map((v) => setField("newPassword", v)),
      oversize(1025).map((v) => setField("newPassword", v)),
      oneOf(dropField("newPassword"), repeatField("newPassword")),
      oneOf(dropField("confirmPassword"), setField("confirmPassword", ""), setField("confirmPassword", "a perfectly fine passphrasE"), repeatField("confirmPassword")),
    ),
  );
}

export async function accountTargets(world: World): Promise<Target[]> {
  const person = (email: string) => world.person(email).id;
  const admin = person("admin@northwind.example");
  const bea = person("builder@northwind.example");
  const daniel = person("interviewer@northwind.example");
  const invite = await workingLink("invite", "invited.bad-input@test.example");
  const reset = await workingLink("reset", "reset.bad-input@test.example");

  return [
    {
      // The base is already refused (the address has an account: 409); the poisons break a field (400).
      name: "invite a colleague (users)",
      route: "routes/admin.users",
      url: "/admin/users",
      params: {},
      persona: "admin",
      others: ["recruiter", "builder"],
      input: form(
        [
          ["intent", "invite"],
          ["name", "Pat Example"],
          ["email", "BUILDER@northwind.example"],
          ["roles", "interviewer"],
        ],
        fc.oneof(
          oneOf(setField("name", ""), setField("name", "   \t"), dropField("name"), repeatField("name"), setField("name", "a\u0000b")),
          oversize(201).map((v) => setField("name", v)),
          notEmail.map((v) => setField("email", v)),
          oneOf(setField("email", ""), setField("email", "a@"), dropField("email"), repeatField("email")),
          oversize(321).map((v) => setField("email", `${v}@northwind.example`)),
          hostileString.filter((v) => !isRole(v)).map((v) => setField("roles", v)),
          oneOf(dropField("roles"), setField("roles", "Admin"), setField("roles", "superuser")),
          oneOf(setField("intent", "Invite"), setField("intent", "invite\u0000"), repeatField("intent")),
        ),
      ),
    },
    {
      // The base deactivates one's own account: refused (forbidden, 403). Poisons change the intent
      // to one the account refuses too (reactivate: not deactivated; resend: already has a password)
      // or the id.
      name: "deactivate, reactivate or invite again (users)",
      route: "routes/admin.users",
      url: "/admin/users",
      params: {},
      persona: "admin",
      others: ["recruiter"],
      input: form(
        [
          ["intent", "deactivate"],
          ["userId", admin],
        ],
        fc.oneof(
          oneOf(setField("intent", "reactivate"), setField("intent", "resend-invite"), setField("intent", "Deactivate"), setField("intent", "deactivate\u0000"), dropField("intent"), repeatField("intent")),
          oneOf(setField("userId", "no-such-user"), setField("userId", ""), setField("userId", "   "), setField("userId", "__proto__"), dropField("userId"), repeatField("userId")),
          oversize(65).map((v) => setField("userId", v)),
        ),
      ),
    },
    {
      // The base makes Bea her own manager: refused at the field (400). Poisons name someone who is
      // not a manager, nobody, a person without a builder record (404), or break a field.
      name: "change a builder's manager (users)",
      route: "routes/admin.users",
      url: "/admin/users",
      params: {},
      persona: "admin",
      others: ["recruiter", "manager"],
      input: form(
        [
          ["intent", "manager"],
          ["userId", bea],
          ["managerId", bea],
        ],
        fc.oneof(
          oneOf(setField("managerId", daniel), setField("managerId", "no-such-user"), setField("managerId", "__proto__"), repeatField("managerId"), setField("managerId", "a\u0000b")),
          oversize(65).map((v) => setField("managerId", v)),
          oneOf(setField("userId", admin), setField("userId", "no-such-user"), setField("userId", ""), dropField("userId"), repeatField("userId")),
        ),
      ),
    },
    {
      name: "choose a password from an invitation",
      route: "routes/account.welcome.$token",
      url: `/account/welcome/${invite}`,
      params: { token: invite },
      persona: "signed-out",
      // Signed in or not, the link is the credential: the same refusals.
      others: ["builder"],
      input: passwordForm(),
    },
    {
      name: "choose a password from a reset link",
      route: "routes/password.reset.$token",
      url: `/password/reset/${reset}`,
      params: { token: reset },
      persona: "signed-out",
      others: ["admin"],
      input: passwordForm(),
    },
    {
      // Every poison breaks the email, so nothing is looked up or recorded.
      name: "ask for a reset link",
      route: "routes/password.forgot",
      url: "/password/forgot",
      params: {},
      persona: "signed-out",
      others: ["builder"],
      input: form(
        [["email", "someone@northwind.example"]],
        fc.oneof(
          notEmail.map((v) => setField("email", v)),
          oneOf(setField("email", ""), setField("email", "a@"), dropField("email"), repeatField("email")),
          oversize(321).map((v) => setField("email", `${v}@northwind.example`)),
        ),
      ),
    },
  ];
}
