import type { VersionStatus } from "~/domain/rubric/sync";

const LABELS: Record<VersionStatus, string> = { current: "Current", previous: "Previous", retired: "Retired" };

export function VersionBadges({ status, inUse }: { status: VersionStatus; inUse: boolean }) {
  return (
    <>
      <span className={`badge badge-${status}`}>{LABELS[status]}</span>
      {inUse ? (
        <span className="badge badge-locked" title="Loops, scorecards or packets use this version, so it can no longer change.">
          In use · immutable
        </span>
      ) : null}
    </>
  );
}
