-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Loop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "targetLevel" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Loop_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Loop_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loop_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Loop" ("candidateId", "createdAt", "createdById", "id", "rubricVersionId", "targetLevel") SELECT "candidateId", "createdAt", "createdById", "id", "rubricVersionId", "targetLevel" FROM "Loop";
DROP TABLE "Loop";
ALTER TABLE "new_Loop" RENAME TO "Loop";
CREATE INDEX "Loop_candidateId_idx" ON "Loop"("candidateId");
CREATE INDEX "Loop_revision_idx" ON "Loop"("revision");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
