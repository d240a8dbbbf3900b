-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN "erasedAt" DATETIME;

-- CreateTable
CREATE TABLE "AuditEntry" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
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
    "redactedAt" DATETIME
);

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

-- The trail is append-only: an entry is never deleted, and the only update allowed is erasure's,
-- which clears an entry's free text (reason, detail) and stamps redactedAt. Anyone who can drop
-- these triggers can still edit the table; the hash chain (npm run audit:verify) shows it.
CREATE TRIGGER "AuditEntry_append_only_delete" BEFORE DELETE ON "AuditEntry"
BEGIN
    SELECT RAISE(ABORT, 'audit entries are never deleted');
END;

CREATE TRIGGER "AuditEntry_append_only_update" BEFORE UPDATE ON "AuditEntry"
WHEN NEW."seq" IS NOT OLD."seq" OR NEW."at" IS NOT OLD."at" OR NEW."actorId" IS NOT OLD."actorId"
  OR NEW."kind" IS NOT OLD."kind" OR NEW."action" IS NOT OLD."action" OR NEW."recordType" IS NOT OLD."recordType"
  OR NEW."recordId" IS NOT OLD."recordId" OR NEW."candidateId" IS NOT OLD."candidateId"
  OR NEW."subjectUserId" IS NOT OLD."subjectUserId" OR NEW."address" IS NOT OLD."address"
  OR NEW."personalHash" IS NOT OLD."personalHash" OR NEW."prevHash" IS NOT OLD."prevHash" OR NEW."hash" IS NOT OLD."hash"
  OR (NEW."reason" IS NOT NULL AND NEW."reason" IS NOT OLD."reason")
  OR (NEW."detail" IS NOT NULL AND NEW."detail" IS NOT OLD."detail")
  OR NEW."redactedAt" IS NULL
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only; only erasure may clear their free text');
END;
