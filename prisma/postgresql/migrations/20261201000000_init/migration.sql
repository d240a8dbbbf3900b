-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivatedAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Password" (
    "userId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "mustChange" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Password_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "Session" (
    "idHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("idHash")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Builder" (
    "userId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "track" TEXT NOT NULL DEFAULT 'builder',
    "rubricVersionId" TEXT,
    "managerId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "baseSalary" INTEGER,
    "currency" TEXT,

    CONSTRAINT "Builder_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "LevelChange" (
    "id" TEXT NOT NULL,
    "builderId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "hiringDecisionId" TEXT,
    "packetId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "LevelChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "targetLevel" TEXT NOT NULL,
    "links" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "dataOrigin" TEXT NOT NULL DEFAULT 'applied',
    "dataOriginDetail" TEXT NOT NULL DEFAULT '',
    "legalBasis" TEXT NOT NULL DEFAULT 'legitimate_interest',
    "consentGivenOn" TIMESTAMP(3),
    "noticeSentOn" TIMESTAMP(3),
    "erasedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'active',
    "statusReason" TEXT NOT NULL DEFAULT '',
    "statusChangedAt" TIMESTAMP(3),

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RubricVersion" (
    "id" TEXT NOT NULL,
    "track" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "firstUsedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),
    "retiredById" TEXT,

    CONSTRAINT "RubricVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Loop" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "targetLevel" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,

    CONSTRAINT "Loop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interview" (
    "id" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,

    CONSTRAINT "Interview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewAssignment" (
    "interviewId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,

    CONSTRAINT "InterviewAssignment_pkey" PRIMARY KEY ("interviewId","interviewerId")
);

-- CreateTable
CREATE TABLE "Scorecard" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "draft" TEXT NOT NULL DEFAULT '{}',
    "draftVersion" INTEGER NOT NULL DEFAULT 0,
    "draftSavedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "recommendation" TEXT,
    "takeaways" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "interviewerRemovedAt" TIMESTAMP(3),

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScorecardRevision" (
    "id" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "reason" TEXT,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScorecardRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionRating" (
    "scorecardId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "evidence" TEXT NOT NULL,

    CONSTRAINT "CriterionRating_pkey" PRIMARY KEY ("scorecardId","criterionId")
);

-- CreateTable
CREATE TABLE "SignalObservation" (
    "scorecardId" TEXT NOT NULL,
    "signalId" TEXT NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "SignalObservation_pkey" PRIMARY KEY ("scorecardId","signalId")
);

-- CreateTable
CREATE TABLE "RedFlagRecord" (
    "scorecardId" TEXT NOT NULL,
    "flagId" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "interviewerId" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,

    CONSTRAINT "RedFlagRecord_pkey" PRIMARY KEY ("scorecardId","flagId")
);

-- CreateTable
CREATE TABLE "HiringDecision" (
    "id" TEXT NOT NULL,
    "loopId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "level" TEXT,
    "baseSalary" INTEGER,
    "currency" TEXT,
    "bandJustification" TEXT,
    "rationale" TEXT NOT NULL,
    "overrides" TEXT NOT NULL DEFAULT '[]',
    "overrideJustification" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "correctsId" TEXT,

    CONSTRAINT "HiringDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionPacket" (
    "id" TEXT NOT NULL,
    "builderId" TEXT NOT NULL,
    "fromLevel" TEXT NOT NULL,
    "targetLevel" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "summary" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "snapshot" TEXT,
    "reviewStartedAt" TIMESTAMP(3),

    CONSTRAINT "PromotionPacket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PacketEvidence" (
    "id" TEXT NOT NULL,
    "packetId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "impact" TEXT NOT NULL,
    "links" TEXT NOT NULL DEFAULT '[]',
    "startDate" TIMESTAMP(3) NOT NULL,
    "endDate" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "projectId" TEXT,

    CONSTRAINT "PacketEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceTag" (
    "evidenceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "EvidenceTag_pkey" PRIMARY KEY ("evidenceId","kind","tagId")
);

-- CreateTable
CREATE TABLE "PeerInvitation" (
    "packetId" TEXT NOT NULL,
    "peerId" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "invitedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeerInvitation_pkey" PRIMARY KEY ("packetId","peerId")
);

-- CreateTable
CREATE TABLE "PeerStatement" (
    "id" TEXT NOT NULL,
    "packetId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeerStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManagerAssessment" (
    "packetId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ManagerAssessment_pkey" PRIMARY KEY ("packetId","criterionId")
);

-- CreateTable
CREATE TABLE "PromotionDecision" (
    "id" TEXT NOT NULL,
    "packetId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "feedback" TEXT NOT NULL DEFAULT '{}',
    "rationale" TEXT NOT NULL,
    "newBaseSalary" INTEGER,
    "currency" TEXT,
    "bandJustification" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "raiseJustification" TEXT,

    CONSTRAINT "PromotionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "team" TEXT NOT NULL DEFAULT '',
    "prd" TEXT NOT NULL DEFAULT '',
    "approverId" TEXT NOT NULL,
    "decisionDate" TIMESTAMP(3),
    "links" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "launchedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "blockedAt" TIMESTAMP(3),
    "blockedReason" TEXT,
    "escalateToId" TEXT,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMetric" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "baseline" DOUBLE PRECISION NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "direction" TEXT NOT NULL,
    "measurement" TEXT NOT NULL,

    CONSTRAINT "ProjectMetric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectEvent" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "data" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "ProjectEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectCheckpoint" (
    "projectId" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "verdict" TEXT NOT NULL,
    "actuals" TEXT NOT NULL,
    "followUps" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ProjectCheckpoint_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "ProjectReview" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "reviewedById" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,
    "health" TEXT NOT NULL,
    "roi" TEXT NOT NULL,
    "followThrough" TEXT NOT NULL DEFAULT '',
    "nextReviewOn" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Demo" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "presenterId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "shows" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "demoOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "flaggedById" TEXT,
    "flaggedAt" TIMESTAMP(3),
    "flagNote" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Demo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "candidateId" TEXT,
    "subjectUserId" TEXT,
    "address" TEXT,
    "reason" TEXT,
    "detail" TEXT,
    "personalHash" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "redactedAt" TIMESTAMP(3),

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "notificationId" TEXT,
    "recipientEmail" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "ics" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "email" BOOLEAN NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "SchedulerLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SchedulerLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("kind","subjectId","recipientId","step")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_address_at_idx" ON "LoginAttempt"("address", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "Builder_managerId_idx" ON "Builder"("managerId");

-- CreateIndex
CREATE INDEX "LevelChange_builderId_effectiveAt_idx" ON "LevelChange"("builderId", "effectiveAt");

-- CreateIndex
CREATE INDEX "Candidate_name_idx" ON "Candidate"("name");

-- CreateIndex
CREATE INDEX "Candidate_status_createdAt_idx" ON "Candidate"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RubricVersion_track_version_key" ON "RubricVersion"("track", "version");

-- CreateIndex
CREATE INDEX "Loop_candidateId_idx" ON "Loop"("candidateId");

-- CreateIndex
CREATE INDEX "Loop_revision_idx" ON "Loop"("revision");

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

-- CreateIndex
CREATE UNIQUE INDEX "HiringDecision_correctsId_key" ON "HiringDecision"("correctsId");

-- CreateIndex
CREATE INDEX "HiringDecision_loopId_decidedAt_idx" ON "HiringDecision"("loopId", "decidedAt");

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

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_prevHash_key" ON "AuditEntry"("prevHash");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_hash_key" ON "AuditEntry"("hash");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_recordType_recordId_idx" ON "AuditEntry"("recordType", "recordId");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_candidateId_idx" ON "AuditEntry"("candidateId");

-- CreateIndex
CREATE INDEX "AuditEntry_subjectUserId_kind_at_idx" ON "AuditEntry"("subjectUserId", "kind", "at");

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_idx" ON "Notification"("recipientId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_idx" ON "Notification"("recipientId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_idx" ON "OutboxMessage"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_userId_purpose_idx" ON "AccountToken"("userId", "purpose");

-- AddForeignKey
ALTER TABLE "Password" ADD CONSTRAINT "Password_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Builder" ADD CONSTRAINT "Builder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Builder" ADD CONSTRAINT "Builder_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Builder" ADD CONSTRAINT "Builder_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LevelChange" ADD CONSTRAINT "LevelChange_builderId_fkey" FOREIGN KEY ("builderId") REFERENCES "Builder"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LevelChange" ADD CONSTRAINT "LevelChange_hiringDecisionId_fkey" FOREIGN KEY ("hiringDecisionId") REFERENCES "HiringDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LevelChange" ADD CONSTRAINT "LevelChange_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricVersion" ADD CONSTRAINT "RubricVersion_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loop" ADD CONSTRAINT "Loop_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loop" ADD CONSTRAINT "Loop_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loop" ADD CONSTRAINT "Loop_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "Loop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewAssignment" ADD CONSTRAINT "InterviewAssignment_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewAssignment" ADD CONSTRAINT "InterviewAssignment_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardRevision" ADD CONSTRAINT "ScorecardRevision_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardRevision" ADD CONSTRAINT "ScorecardRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionRating" ADD CONSTRAINT "CriterionRating_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignalObservation" ADD CONSTRAINT "SignalObservation_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RedFlagRecord" ADD CONSTRAINT "RedFlagRecord_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringDecision" ADD CONSTRAINT "HiringDecision_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "Loop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringDecision" ADD CONSTRAINT "HiringDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringDecision" ADD CONSTRAINT "HiringDecision_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "HiringDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionPacket" ADD CONSTRAINT "PromotionPacket_builderId_fkey" FOREIGN KEY ("builderId") REFERENCES "Builder"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionPacket" ADD CONSTRAINT "PromotionPacket_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionPacket" ADD CONSTRAINT "PromotionPacket_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionPacket" ADD CONSTRAINT "PromotionPacket_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PacketEvidence" ADD CONSTRAINT "PacketEvidence_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PacketEvidence" ADD CONSTRAINT "PacketEvidence_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PacketEvidence" ADD CONSTRAINT "PacketEvidence_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceTag" ADD CONSTRAINT "EvidenceTag_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "PacketEvidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerInvitation" ADD CONSTRAINT "PeerInvitation_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerInvitation" ADD CONSTRAINT "PeerInvitation_peerId_fkey" FOREIGN KEY ("peerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerInvitation" ADD CONSTRAINT "PeerInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerStatement" ADD CONSTRAINT "PeerStatement_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerStatement" ADD CONSTRAINT "PeerStatement_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "PacketEvidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerStatement" ADD CONSTRAINT "PeerStatement_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagerAssessment" ADD CONSTRAINT "ManagerAssessment_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagerAssessment" ADD CONSTRAINT "ManagerAssessment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionDecision" ADD CONSTRAINT "PromotionDecision_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "PromotionPacket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionDecision" ADD CONSTRAINT "PromotionDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_escalateToId_fkey" FOREIGN KEY ("escalateToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMetric" ADD CONSTRAINT "ProjectMetric_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvent" ADD CONSTRAINT "ProjectEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvent" ADD CONSTRAINT "ProjectEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCheckpoint" ADD CONSTRAINT "ProjectCheckpoint_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCheckpoint" ADD CONSTRAINT "ProjectCheckpoint_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectReview" ADD CONSTRAINT "ProjectReview_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectReview" ADD CONSTRAINT "ProjectReview_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demo" ADD CONSTRAINT "Demo_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demo" ADD CONSTRAINT "Demo_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demo" ADD CONSTRAINT "Demo_flaggedById_fkey" FOREIGN KEY ("flaggedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (Prisma's schema cannot say these), the same rules as SQLite's migrations:

-- A packet's target level and status are one of the few the app knows.
ALTER TABLE "PromotionPacket" ADD CONSTRAINT "PromotionPacket_targetLevel_check" CHECK ("targetLevel" IN ('L5', 'L6', 'L7'));
ALTER TABLE "PromotionPacket" ADD CONSTRAINT "PromotionPacket_status_check" CHECK ("status" IN ('draft', 'submitted', 'in_review', 'decided'));

-- The trail is append-only: an entry is never deleted, and the only update allowed is erasure's,
-- which clears an entry's free text (reason, detail) and stamps redactedAt. Anyone who can drop
-- these triggers can still edit the table; the hash chain (npm run audit:verify) shows it.
CREATE FUNCTION "AuditEntry_append_only_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are never deleted';
END;
$$;

CREATE TRIGGER "AuditEntry_append_only_delete" BEFORE DELETE ON "AuditEntry"
FOR EACH ROW EXECUTE FUNCTION "AuditEntry_append_only_delete"();

CREATE FUNCTION "AuditEntry_append_only_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."seq" IS DISTINCT FROM OLD."seq" OR NEW."at" IS DISTINCT FROM OLD."at" OR NEW."actorId" IS DISTINCT FROM OLD."actorId"
      OR NEW."kind" IS DISTINCT FROM OLD."kind" OR NEW."action" IS DISTINCT FROM OLD."action" OR NEW."recordType" IS DISTINCT FROM OLD."recordType"
      OR NEW."recordId" IS DISTINCT FROM OLD."recordId" OR NEW."candidateId" IS DISTINCT FROM OLD."candidateId"
      OR NEW."subjectUserId" IS DISTINCT FROM OLD."subjectUserId" OR NEW."address" IS DISTINCT FROM OLD."address"
      OR NEW."personalHash" IS DISTINCT FROM OLD."personalHash" OR NEW."prevHash" IS DISTINCT FROM OLD."prevHash" OR NEW."hash" IS DISTINCT FROM OLD."hash"
      OR (NEW."reason" IS NOT NULL AND NEW."reason" IS DISTINCT FROM OLD."reason")
      OR (NEW."detail" IS NOT NULL AND NEW."detail" IS DISTINCT FROM OLD."detail")
      OR NEW."redactedAt" IS NULL
    THEN
        RAISE EXCEPTION 'audit entries are append-only; only erasure may clear their free text';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditEntry_append_only_update" BEFORE UPDATE ON "AuditEntry"
FOR EACH ROW EXECUTE FUNCTION "AuditEntry_append_only_update"();
