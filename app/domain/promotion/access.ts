import { hasPermission, type Viewer } from "../permissions";
import { canDecidePacket, canEditPacket, canStartReview, canSubmitPacket, type PacketStatus } from "./workflow";

/**
 * Who may do what with a promotion packet. The answer depends on the viewer's roles, their
 * relation to the builder (self, manager, invited peer) and the packet's status:
 *
 * | who                  | reads                                   | does                                              |
 * | -------------------- | --------------------------------------- | ------------------------------------------------- |
 * | the builder          | own packet, assessments, decision       | edits the draft (summary, evidence)               |
 * | the builder's manager| the packet, assessments, decision       | edits the draft, invites peers, assesses, submits |
 * | an invited peer      | summary and evidence, own statements    | writes statements while the packet is a draft     |
 * | promotion committee  | submitted packets (never drafts), pay   | starts the review, decides                        |
 * | admin                | every packet, pay                       | nothing: deciding is the committee's alone        |
 *
 * Everything else is refused. A role on the packet that the user also holds elsewhere (a manager
 * who sits on the committee) adds up: each relation grants its own row.
 */
export type PacketParties = { builderId: string; managerId: string | null; status: PacketStatus; peerIds: readonly string[] };

export type PacketAccess = {
  read: boolean;
  /** The manager's assessments and the committee's decision with its feedback. */
  readAssessments: boolean;
  readDecision: boolean;
  /** Other peers' statements. Peers see only their own, so statements stay independent. */
  readAllStatements: boolean;
  /** The committee's pay analysis (compa-ratios, suggested base). */
  readPay: boolean;
  editDraft: boolean;
  invitePeers: boolean;
  assess: boolean;
  submit: boolean;
  writeStatement: boolean;
  startReview: boolean;
  decide: boolean;
};

const NONE: PacketAccess = {
  read: false,
  readAssessments: false,
  readDecision: false,
  readAllStatements: false,
  readPay: false,
  editDraft: false,
  invitePeers: false,
  assess: false,
  submit: false,
  writeStatement: false,
  startReview: false,
  decide: false,
};

export function packetAccess(viewer: Viewer, packet: PacketParties): PacketAccess {
  const draft = canEditPacket(packet.status);
  const isBuilder = packet.builderId === viewer.id && hasPermission(viewer.roles, "read:builder:own");
  const isManager = packet.managerId === viewer.id && hasPermission(viewer.roles, "read:builder:team");
  const isPeer = packet.peerIds.includes(viewer.id);
  const isCommittee = hasPermission(viewer.roles, "decide:promotion:any") && !draft;
  const isAdmin = hasPermission(viewer.roles, "read:packet:any");

  const access = { ...NONE };
  const grant = (keys: Array<keyof PacketAccess>) => keys.forEach((k) => (access[k] = true));
  if (isBuilder) grant(["read", "readAssessments", "readDecision", "readAllStatements", ...(draft ? (["editDraft"] as const) : [])]);
  if (isManager) {
    grant(["read", "readAssessments", "readDecision", "readAllStatements"]);
    if (draft) grant(["editDraft", "invitePeers", "assess"]);
    if (canSubmitPacket(packet.status)) grant(["submit"]);
  }
  if (isPeer) grant(["read", ...(draft ? (["writeStatement"] as const) : [])]);
  if (isCommittee) {
    grant(["read", "readAssessments", "readDecision", "readAllStatements", "readPay"]);
    if (canStartReview(packet.status)) grant(["startReview"]);
    if (canDecidePacket(packet.status)) grant(["decide"]);
  }
  if (isAdmin) grant(["read", "readAssessments", "readDecision", "readAllStatements", "readPay"]);
  return access;
}

/** Who may open a packet for a builder: the builder themself or their manager. */
/** The forms of the packet page, and the right (above) each needs: checked on the server, whatever the page showed. */
export const PACKET_FORMS = ["summary", "evidence", "delete-evidence", "assessment", "invite-peer", "remove-peer", "statement", "submit", "start-review", "decide"] as const;
export type PacketForm = (typeof PACKET_FORMS)[number];

export const PACKET_FORM_RIGHTS: Record<PacketForm, keyof PacketAccess> = {
  summary: "editDraft",
  evidence: "editDraft",
  "delete-evidence": "editDraft",
  assessment: "assess",
  "invite-peer": "invitePeers",
  "remove-peer": "invitePeers",
  statement: "writeStatement",
  submit: "submit",
  "start-review": "startReview",
  decide: "decide",
};

export function isPacketForm(value: string): value is PacketForm {
  return (PACKET_FORMS as readonly string[]).includes(value);
}

export function canStartPacket(viewer: Viewer, builder: { userId: string; managerId: string | null }): boolean {
  return (
    (builder.userId === viewer.id && hasPermission(viewer.roles, "read:builder:own")) ||
    (builder.managerId === viewer.id && hasPermission(viewer.roles, "read:builder:team"))
  );
}
