-- CreateTable
CREATE TABLE "RubricVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "track" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "firstUsedAt" DATETIME,
    "retiredAt" DATETIME,
    "retiredById" TEXT,
    CONSTRAINT "RubricVersion_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RubricVersion_track_version_key" ON "RubricVersion"("track", "version");
