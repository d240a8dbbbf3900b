-- CreateTable
CREATE TABLE "LevelChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "builderId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "effectiveAt" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "hiringDecisionId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "LevelChange_builderId_fkey" FOREIGN KEY ("builderId") REFERENCES "Builder" ("userId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LevelChange_hiringDecisionId_fkey" FOREIGN KEY ("hiringDecisionId") REFERENCES "HiringDecision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Builder" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "level" TEXT NOT NULL,
    "track" TEXT NOT NULL DEFAULT 'builder',
    "rubricVersionId" TEXT,
    "managerId" TEXT,
    "startedAt" DATETIME NOT NULL,
    "baseSalary" INTEGER,
    "currency" TEXT,
    CONSTRAINT "Builder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Builder_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Builder_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Builder" ("level", "managerId", "startedAt", "track", "userId") SELECT "level", "managerId", "startedAt", "track", "userId" FROM "Builder";
DROP TABLE "Builder";
ALTER TABLE "new_Builder" RENAME TO "Builder";
CREATE INDEX "Builder_managerId_idx" ON "Builder"("managerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LevelChange_builderId_effectiveAt_idx" ON "LevelChange"("builderId", "effectiveAt");
