-- CreateTable
CREATE TABLE "HiringDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loopId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "level" TEXT,
    "baseSalary" INTEGER,
    "currency" TEXT,
    "bandJustification" TEXT,
    "rationale" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL,
    "correctsId" TEXT,
    CONSTRAINT "HiringDecision_loopId_fkey" FOREIGN KEY ("loopId") REFERENCES "Loop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HiringDecision_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "HiringDecision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "HiringDecision_correctsId_key" ON "HiringDecision"("correctsId");

-- CreateIndex
CREATE INDEX "HiringDecision_loopId_decidedAt_idx" ON "HiringDecision"("loopId", "decidedAt");
