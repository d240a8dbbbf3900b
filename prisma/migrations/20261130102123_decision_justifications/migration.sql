-- AlterTable
ALTER TABLE "PromotionDecision" ADD COLUMN "raiseJustification" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HiringDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "decidedAt" DATETIME NOT NULL,
    "correctsId" TEXT,
    CONSTRAINT "HiringDecision_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "Loop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HiringDecision_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "HiringDecision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_HiringDecision" ("bandJustification", "baseSalary", "correctsId", "currency", "decidedAt", "decidedById", "id", "level", "loopId", "outcome", "rationale") SELECT "bandJustification", "baseSalary", "correctsId", "currency", "decidedAt", "decidedById", "id", "level", "loopId", "outcome", "rationale" FROM "HiringDecision";
DROP TABLE "HiringDecision";
ALTER TABLE "new_HiringDecision" RENAME TO "HiringDecision";
CREATE UNIQUE INDEX "HiringDecision_correctsId_key" ON "HiringDecision"("correctsId");
CREATE INDEX "HiringDecision_loopId_decidedAt_idx" ON "HiringDecision"("loopId", "decidedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
