// Start-up problems a person can fix (a bad path, a busy port, an edited migration) end in one line, never a stack trace.

/** A problem that stops the start, with a message that says what to change. server.ts prints it alone. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}

/** What the operating system's and SQLite's error codes mean for a file the app must write. */
const FILE_PROBLEMS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOTDIR: "a part of the path is a file, not a folder",
  ENOENT: "a folder on the path does not exist and cannot be created there",
  EEXIST: "a part of the path is a file, not a folder",
  EISDIR: "the path is a folder, not a file",
  ENOSPC: "the disk is full",
  ENAMETOOLONG: "the path is too long",
  ELOOP: "the path has a loop of symbolic links",
  SQLITE_CANTOPEN: "SQLite cannot open it",
  SQLITE_NOTADB: "the file is not a SQLite database",
  SQLITE_CORRUPT: "the database file is damaged",
  SQLITE_READONLY: "the database file is read-only",
  SQLITE_FULL: "the disk is full",
};

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

/** Whether an error is about a file or folder (an errno from Node, or SQLite's), rather than a bug. */
export function isFileError(error: unknown): boolean {
  const code = codeOf(error);
  return code !== null && (code in FILE_PROBLEMS || code.startsWith("SQLITE_"));
}

/**
 * `DATABASE_URL: cannot open the database /srv/x.db: permission denied (EACCES).`: the variable to
 * change, what the app tried, the path and why.
 */
export function fileProblem(variable: string, what: string, file: string, error: unknown): StartupError {
  const code = codeOf(error) ?? "unknown";
  const why = FILE_PROBLEMS[code] ?? FILE_PROBLEMS[code.replace(/_[A-Z]+$/, "")] ?? (error instanceof Error ? error.message : String(error));
  return new StartupError(`${variable}: cannot ${what} ${file}: ${why} (${code}).`);
}

/** `PORT: cannot listen on 127.0.0.1:3000: the port is already in use (EADDRINUSE)`. */
export function listenProblem(host: string, port: number, error: unknown): StartupError {
  const code = codeOf(error) ?? "unknown";
  const problems: Record<string, [string, string]> = {
    EADDRINUSE: ["PORT", "the port is already in use: stop the other server or choose another PORT"],
    EACCES: ["PORT", "this user may not listen on that port (ports below 1024 need privileges): choose a PORT of 1024 or more"],
    EADDRNOTAVAIL: ["HOST", "this machine has no such address"],
    ENOTFOUND: ["HOST", "no such host name"],
    EAI_AGAIN: ["HOST", "the host name cannot be resolved right now"],
  };
  const [variable, why] = problems[code] ?? ["PORT", error instanceof Error ? error.message : String(error)];
  return new StartupError(`${variable}: cannot listen on ${host}:${port}: ${why} (${code}).`);
}
