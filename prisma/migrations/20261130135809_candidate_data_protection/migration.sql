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
    "noticeSentOn" DATETIME
);
INSERT INTO "new_Candidate" ("createdAt", "email", "id", "links", "name", "notes", "source", "targetLevel", "updatedAt") SELECT "createdAt", "email", "id", "links", "name", "notes", "source", "targetLevel", "updatedAt" FROM "Candidate";
DROP TABLE "Candidate";
ALTER TABLE "new_Candidate" RENAME TO "Candidate";
CREATE INDEX "Candidate_name_idx" ON "Candidate"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
