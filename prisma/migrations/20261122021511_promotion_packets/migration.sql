-- CreateTable
CREATE TABLE "PromotionPacket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "builderId" TEXT NOT NULL,
    "fromLevel" TEXT NOT NULL,
    -- The ladder ends at L7: no packet targets anything else than L5, L6 or L7.
    "targetLevel" TEXT NOT NULL CHECK ("targetLevel" IN ('L5', 'L6', 'L7')),
    "rubricVersionId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'submitted', 'in_review', 'decided')),
    "summary" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "snapshot" TEXT,
    "reviewStartedAt" DATETIME,
    CONSTRAINT "PromotionPacket_builderId_fkey" FOREIGN KEY ("builderId") REFERENCES "Builder" ("userId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PromotionPacket_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PromotionPacket_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PromotionPacket_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PacketEvidence" (
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
    CONSTRAINT "PacketEvidence_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PacketEvidence_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceTag" (
    "evidenceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    PRIMARY KEY ("evidenceId", "kind", "tagId"),
    CONSTRAINT "EvidenceTag_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "PacketEvidence" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PeerInvitation" (
    "packetId" TEXT NOT NULL,
    "peerId" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "invitedAt" DATETIME NOT NULL,

    PRIMARY KEY ("packetId", "peerId"),
    CONSTRAINT "PeerInvitation_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PeerInvitation_peerId_fkey" FOREIGN KEY ("peerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PeerInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PeerStatement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "packetId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PeerStatement_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PeerStatement_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "PacketEvidence" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PeerStatement_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ManagerAssessment" (
    "packetId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("packetId", "criterionId"),
    CONSTRAINT "ManagerAssessment_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ManagerAssessment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "packetId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "feedback" TEXT NOT NULL DEFAULT '{}',
    "rationale" TEXT NOT NULL,
    "newBaseSalary" INTEGER,
    "currency" TEXT,
    "bandJustification" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL,
    CONSTRAINT "PromotionDecision_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PromotionDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LevelChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "builderId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "effectiveAt" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "hiringDecisionId" TEXT,
    "packetId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "LevelChange_builderId_fkey" FOREIGN KEY ("builderId") REFERENCES "Builder" ("userId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LevelChange_hiringDecisionId_fkey" FOREIGN KEY ("hiringDecisionId") REFERENCES "HiringDecision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LevelChange_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LevelChange" ("builderId", "effectiveAt", "hiringDecisionId", "id", "level", "note", "reason") SELECT "builderId", "effectiveAt", "hiringDecisionId", "id", "level", "note", "reason" FROM "LevelChange";
DROP TABLE "LevelChange";
ALTER TABLE "new_LevelChange" RENAME TO "LevelChange";
CREATE INDEX "LevelChange_builderId_effectiveAt_idx" ON "LevelChange"("builderId", "effectiveAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PromotionPacket_builderId_createdAt_idx" ON "PromotionPacket"("builderId", "createdAt");

-- CreateIndex
CREATE INDEX "PromotionPacket_status_idx" ON "PromotionPacket"("status");

-- CreateIndex
CREATE INDEX "PacketEvidence_packetId_startDate_idx" ON "PacketEvidence"("packetId", "startDate");

-- CreateIndex
CREATE INDEX "PeerInvitation_peerId_idx" ON "PeerInvitation"("peerId");

-- CreateIndex
CREATE INDEX "PeerStatement_packetId_idx" ON "PeerStatement"("packetId");

-- CreateIndex
CREATE UNIQUE INDEX "PeerStatement_evidenceId_authorId_key" ON "PeerStatement"("evidenceId", "authorId");

-- CreateIndex
CREATE UNIQUE INDEX "PromotionDecision_packetId_key" ON "PromotionDecision"("packetId");
