-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "team" TEXT NOT NULL DEFAULT '',
    "prd" TEXT NOT NULL DEFAULT '',
    "approverId" TEXT NOT NULL,
    "decisionDate" DATETIME,
    "links" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "approvedAt" DATETIME,
    "launchedAt" DATETIME,
    "closedAt" DATETIME,
    "outcome" TEXT,
    "blockedAt" DATETIME,
    "blockedReason" TEXT,
    "escalateToId" TEXT,
    CONSTRAINT "Project_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Project_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Project_escalateToId_fkey" FOREIGN KEY ("escalateToId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Project_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectMetric" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "baseline" REAL NOT NULL,
    "target" REAL NOT NULL,
    "direction" TEXT NOT NULL,
    "measurement" TEXT NOT NULL,
    CONSTRAINT "ProjectMetric_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "data" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "ProjectEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectCheckpoint" (
    "projectId" TEXT NOT NULL PRIMARY KEY,
    "recordedById" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "verdict" TEXT NOT NULL,
    "actuals" TEXT NOT NULL,
    "followUps" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ProjectCheckpoint_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectCheckpoint_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "reviewedById" TEXT NOT NULL,
    "reviewedAt" DATETIME NOT NULL,
    "health" TEXT NOT NULL,
    "roi" TEXT NOT NULL,
    "followThrough" TEXT NOT NULL DEFAULT '',
    "nextReviewOn" DATETIME NOT NULL,
    CONSTRAINT "ProjectReview_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectReview_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Demo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "presenterId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "shows" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "demoOn" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "flaggedById" TEXT,
    "flaggedAt" DATETIME,
    "flagNote" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Demo_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Demo_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Demo_flaggedById_fkey" FOREIGN KEY ("flaggedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PacketEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "packetId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "impact" TEXT NOT NULL,
    "links" TEXT NOT NULL DEFAULT '[]',
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "projectId" TEXT,
    CONSTRAINT "PacketEvidence_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PacketEvidence_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PacketEvidence_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PacketEvidence" ("createdAt", "description", "endDate", "id", "impact", "links", "packetId", "startDate", "title", "updatedAt", "updatedById", "version") SELECT "createdAt", "description", "endDate", "id", "impact", "links", "packetId", "startDate", "title", "updatedAt", "updatedById", "version" FROM "PacketEvidence";
DROP TABLE "PacketEvidence";
ALTER TABLE "new_PacketEvidence" RENAME TO "PacketEvidence";
CREATE INDEX "PacketEvidence_packetId_startDate_idx" ON "PacketEvidence"("packetId", "startDate");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Project_ownerId_status_idx" ON "Project"("ownerId", "status");

-- CreateIndex
CREATE INDEX "Project_approverId_status_idx" ON "Project"("approverId", "status");

-- CreateIndex
CREATE INDEX "Project_escalateToId_idx" ON "Project"("escalateToId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectMetric_projectId_position_key" ON "ProjectMetric"("projectId", "position");

-- CreateIndex
CREATE INDEX "ProjectEvent_projectId_at_idx" ON "ProjectEvent"("projectId", "at");

-- CreateIndex
CREATE INDEX "ProjectReview_projectId_reviewedAt_idx" ON "ProjectReview"("projectId", "reviewedAt");

-- CreateIndex
CREATE INDEX "Demo_demoOn_idx" ON "Demo"("demoOn");

-- CreateIndex
CREATE INDEX "Demo_flaggedAt_idx" ON "Demo"("flaggedAt");
