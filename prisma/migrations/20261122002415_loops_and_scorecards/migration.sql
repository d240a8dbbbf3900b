-- CreateTable
CREATE TABLE "Loop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "targetLevel" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Loop_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Loop_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loop_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Interview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loopId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Interview_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "Loop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InterviewAssignment" (
    "interviewId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,

    PRIMARY KEY ("interviewId", "interviewerId"),
    CONSTRAINT "InterviewAssignment_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InterviewAssignment_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Scorecard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "interviewId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "draft" TEXT NOT NULL DEFAULT '{}',
    "draftSavedAt" DATETIME,
    "submittedAt" DATETIME,
    "recommendation" TEXT,
    "takeaways" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Scorecard_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Scorecard_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScorecardRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scorecardId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "reason" TEXT,
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ScorecardRevision_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScorecardRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CriterionRating" (
    "scorecardId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "evidence" TEXT NOT NULL,

    PRIMARY KEY ("scorecardId", "criterionId"),
    CONSTRAINT "CriterionRating_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignalObservation" (
    "scorecardId" TEXT NOT NULL,
    "signalId" TEXT NOT NULL,
    "note" TEXT NOT NULL,

    PRIMARY KEY ("scorecardId", "signalId"),
    CONSTRAINT "SignalObservation_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RedFlagRecord" (
    "scorecardId" TEXT NOT NULL,
    "flagId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,

    PRIMARY KEY ("scorecardId", "flagId"),
    CONSTRAINT "RedFlagRecord_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Loop_candidateId_idx" ON "Loop"("candidateId");

-- CreateIndex
CREATE INDEX "Interview_loopId_idx" ON "Interview"("loopId");

-- CreateIndex
CREATE INDEX "Interview_startsAt_idx" ON "Interview"("startsAt");

-- CreateIndex
CREATE INDEX "InterviewAssignment_interviewerId_idx" ON "InterviewAssignment"("interviewerId");

-- CreateIndex
CREATE INDEX "Scorecard_loopId_status_idx" ON "Scorecard"("loopId", "status");

-- CreateIndex
CREATE INDEX "Scorecard_interviewerId_status_idx" ON "Scorecard"("interviewerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_interviewId_interviewerId_key" ON "Scorecard"("interviewId", "interviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ScorecardRevision_scorecardId_number_key" ON "ScorecardRevision"("scorecardId", "number");

-- CreateIndex
CREATE INDEX "RedFlagRecord_loopId_flagId_idx" ON "RedFlagRecord"("loopId", "flagId");
