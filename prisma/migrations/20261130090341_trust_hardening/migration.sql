-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Password" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "hash" TEXT NOT NULL,
    "mustChange" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Password_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Password" ("hash", "userId") SELECT "hash", "userId" FROM "Password";
DROP TABLE "Password";
ALTER TABLE "new_Password" RENAME TO "Password";
CREATE TABLE "new_Scorecard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "interviewId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "draft" TEXT NOT NULL DEFAULT '{}',
    "draftVersion" INTEGER NOT NULL DEFAULT 0,
    "draftSavedAt" DATETIME,
    "submittedAt" DATETIME,
    "recommendation" TEXT,
    "takeaways" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Scorecard_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Scorecard_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Scorecard" ("createdAt", "draft", "draftSavedAt", "id", "interviewId", "interviewerId", "loopId", "recommendation", "stageId", "status", "submittedAt", "takeaways") SELECT "createdAt", "draft", "draftSavedAt", "id", "interviewId", "interviewerId", "loopId", "recommendation", "stageId", "status", "submittedAt", "takeaways" FROM "Scorecard";
DROP TABLE "Scorecard";
ALTER TABLE "new_Scorecard" RENAME TO "Scorecard";
CREATE INDEX "Scorecard_loopId_status_idx" ON "Scorecard"("loopId", "status");
CREATE INDEX "Scorecard_interviewerId_status_idx" ON "Scorecard"("interviewerId", "status");
CREATE UNIQUE INDEX "Scorecard_interviewId_interviewerId_key" ON "Scorecard"("interviewId", "interviewerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");
