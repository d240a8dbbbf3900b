// Once per run: a seeded database with loops, interviews and signed-in sessions, made through the app's own actions and copied afresh into every trial.
import Database from "better-sqlite3";
import type { Rubric } from "~/domain/rubric/schema";
import { stageRubric, type StageRubric } from "~/domain/scorecard/content";
import { send, signIn } from "./http";
import { SESSION_SECRET, freePort, startServer, stopServer } from "./server";

export const STAGE_ID = "technical_deep_dive";
const SUBMIT_LOOPS = 24;
const SUBMITTERS = 4;
const DRAFTERS = 3;

export type Fixture = {
  templateFile: string;
  stage: StageRubric;
  recruiter: string;
  committee: string;
  /** Each submitter's cookie and the interviews whose scorecard they will submit, one per loop. */
  submitters: Array<{ userId: string; cookie: string; interviewIds: string[] }>;
  /** Draft scorecards (one interview, several interviewers), each saved by its author. */
  drafts: Array<{ scorecardId: string; cookie: string }>;
  /** Loops the hiring committee decides during a trial. */
  decisionLoops: string[];
};

/** The demo password and sign-ins, from the seed the server runs (imported with a production config, so nothing is written). */
async function demoLogins() {
  process.env.NODE_ENV = "production";
  process.env.SESSION_SECRET ??= SESSION_SECRET;
  const seed = await import("../../prisma/seed/demo-organisation");
  const email = (role: string) => seed.DEMO_LOGINS.find((l) => l.role === role)!.email;
  return { password: seed.DEMO_PASSWORD, recruiter: email("recruiter"), committee: email("hiring_committee") };
}

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** A past time as the schedule form's datetime-local field holds it in a browser on UTC. */
function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3600_000).toISOString().slice(0, 16);
}

export async function prepareTemplate(templateFile: string): Promise<Fixture> {
  const logins = await demoLogins();
  const server = await startServer(templateFile, await freePort());
  try {
    const base = server.base;
    const recruiter = await signIn(base, logins.recruiter, logins.password);
    const committee = await signIn(base, logins.committee, logins.password);
    // Interviewers other than the committee member, who must stay free to decide on every loop.
    const interviewers = readOnly(templateFile, (db) =>
      db
        .prepare<[string], { id: string; email: string }>(
          `SELECT u.id, u.email FROM "User" u JOIN "UserRole" r ON r.userId = u.id WHERE r.role = 'interviewer' AND u.email != ? ORDER BY u.email`,
        )
        .all(logins.committee),
    );
    if (interviewers.length < Math.max(SUBMITTERS, DRAFTERS)) throw new Error(`The demo organisation has ${interviewers.length} interviewers; the trials need ${Math.max(SUBMITTERS, DRAFTERS)}`);
    // One session each, reused by every trial (sign-in is slow on purpose, and throttled).
    const cookies = new Map<string, string>();
    for (const person of interviewers) cookies.set(person.id, await signIn(base, person.email, logins.password));

    /** A candidate, a builder loop on the current rubric, and one Stage 2 interview an hour ago. */
    const loopWithInterview = async (n: number, interviewerIds: string[]) => {
      const candidate = await send(base, "/candidates/new", recruiter, {
        form: { name: `Durability Candidate ${n}`, email: `durability.${n}@mail.example`, source: "other", targetLevel: "L5" },
      });
      const candidateId = /^\/candidates\/([^/?]+)$/.exec(candidate.location ?? "")?.[1];
      if (candidate.status !== 302 || !candidateId) throw new Error(`Creating a candidate answered ${candidate.status}`);
      const loop = await send(base, `/candidates/${candidateId}/loops/new`, recruiter, { form: { track: "builder", targetLevel: "L5" } });
      const loopId = /^\/loops\/([^/?]+)$/.exec(loop.location ?? "")?.[1];
      if (loop.status !== 302 || !loopId) throw new Error(`Creating a loop answered ${loop.status}`);
      const scheduled = await send(base, `/loops/${loopId}`, recruiter, {
        form: { intent: "add-interview", stageId: STAGE_ID, startsAtLocal: hoursAgo(2), timeZone: "UTC", durationMinutes: "60", interviewerIds },
      });
      if (scheduled.status !== 200) throw new Error(`Scheduling an interview answered ${scheduled.status}`);
      const interviewId = readOnly(templateFile, (db) => db.prepare<[string], { id: string }>(`SELECT id FROM "Interview" WHERE loopId = ?`).get(loopId)!.id);
      return { loopId, interviewId };
    };

    const submitterIds = interviewers.slice(0, SUBMITTERS).map((p) => p.id);
    const submitLoops: Array<{ loopId: string; interviewId: string }> = [];
    for (let n = 0; n < SUBMIT_LOOPS; n += 4) {
      submitLoops.push(...(await Promise.all([0, 1, 2, 3].map((k) => loopWithInterview(n + k, submitterIds)))));
    }

    // Drafts are written on a loop of their own (a person may also be among the submitters).
    const drafterIds = interviewers.slice(-DRAFTERS).map((p) => p.id);
    const draftLoop = await loopWithInterview(SUBMIT_LOOPS, drafterIds);
    for (const id of drafterIds) {
      const page = await send(base, `/interviews/${draftLoop.interviewId}/scorecard`, cookies.get(id)!);
      if (page.status !== 200) throw new Error(`Opening a scorecard answered ${page.status}`);
    }
    const { drafts, rubric } = readOnly(templateFile, (db) => ({
      drafts: db
        .prepare<[string], { id: string; interviewerId: string }>(`SELECT id, interviewerId FROM "Scorecard" WHERE interviewId = ? ORDER BY interviewerId`)
        .all(draftLoop.interviewId),
      rubric: JSON.parse(
        db.prepare<[string], { content: string }>(`SELECT rv.content FROM "Loop" l JOIN "RubricVersion" rv ON rv.id = l.rubricVersionId WHERE l.id = ?`).get(draftLoop.loopId)!.content,
      ) as Rubric,
    }));
    const stage = stageRubric(rubric, STAGE_ID);
    if (!stage) throw new Error(`The loop's rubric has no stage ${STAGE_ID}`);

    return {
      templateFile,
      stage,
      recruiter,
      committee,
      submitters: submitterIds.map((userId) => ({ userId, cookie: cookies.get(userId)!, interviewIds: submitLoops.map((l) => l.interviewId) })),
      drafts: drafts.map((d) => ({ scorecardId: d.id, cookie: cookies.get(d.interviewerId)! })),
      decisionLoops: submitLoops.map((l) => l.loopId),
    };
  } finally {
    await stopServer(server);
    // Everything into the main file, so a trial copies one file.
    const db = new Database(templateFile);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
  }
}
