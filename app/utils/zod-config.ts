// zod must never try `new Function`: the content security policy forbids eval, and the probe is reported as a violation.
import { z } from "zod";

/**
 * zod 4 compiles a fast parser for object schemas with `new Function`, after probing once whether
 * eval is allowed. Our policy (`script-src 'self' 'nonce-…'`, app/server/security-headers.ts)
 * forbids it, so the browser reports a violation on every page that builds a schema. Jitless
 * parsing is the same parsing without the compiled fast path. The setting is read when a schema is
 * built, so this module is the first import of root.tsx (the first module a page evaluates), of
 * entry.server.tsx and of server.ts. e2e/content-security-policy.spec.ts watches for violations.
 */
z.config({ jitless: true });
