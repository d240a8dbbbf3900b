-- AlterTable
ALTER TABLE "User" ADD COLUMN "deactivatedAt" DATETIME;

-- AlterTable
ALTER TABLE "Loop" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Loop" ADD COLUMN "closeReason" TEXT;

-- AlterTable
ALTER TABLE "Scorecard" ADD COLUMN "interviewerRemovedAt" DATETIME;

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "sentAt" DATETIME NOT NULL,

    PRIMARY KEY ("kind", "subjectId", "recipientId", "step")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Candidate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "targetLevel" TEXT NOT NULL,
    "links" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "dataOrigin" TEXT NOT NULL DEFAULT 'applied',
    "dataOriginDetail" TEXT NOT NULL DEFAULT '',
    "legalBasis" TEXT NOT NULL DEFAULT 'legitimate_interest',
    "consentGivenOn" DATETIME,
    "noticeSentOn" DATETIME,
    "erasedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'active',
    "statusReason" TEXT NOT NULL DEFAULT '',
    "statusChangedAt" DATETIME
);
INSERT INTO "new_Candidate" ("consentGivenOn", "createdAt", "dataOrigin", "dataOriginDetail", "email", "erasedAt", "id", "legalBasis", "links", "name", "notes", "noticeSentOn", "source", "targetLevel", "updatedAt") SELECT "consentGivenOn", "createdAt", "dataOrigin", "dataOriginDetail", "email", "erasedAt", "id", "legalBasis", "links", "name", "notes", "noticeSentOn", "source", "targetLevel", "updatedAt" FROM "Candidate";
DROP TABLE "Candidate";
ALTER TABLE "new_Candidate" RENAME TO "Candidate";
CREATE INDEX "Candidate_name_idx" ON "Candidate"("name");
CREATE INDEX "Candidate_status_createdAt_idx" ON "Candidate"("status", "createdAt");
CREATE TABLE "new_Interview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loopId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" DATETIME,
    "cancelReason" TEXT,
    CONSTRAINT "Interview_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "Loop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Interview" ("createdAt", "durationMinutes", "id", "loopId", "stageId", "startsAt") SELECT "createdAt", "durationMinutes", "id", "loopId", "stageId", "startsAt" FROM "Interview";
DROP TABLE "Interview";
ALTER TABLE "new_Interview" RENAME TO "Interview";
CREATE INDEX "Interview_loopId_idx" ON "Interview"("loopId");
CREATE INDEX "Interview_startsAt_idx" ON "Interview"("startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_userId_purpose_idx" ON "AccountToken"("userId", "purpose");
