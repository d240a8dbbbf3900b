import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { deleteEvidence, invitePeer, removePeer, saveAssessment, saveEvidence, saveStatement, saveSummary } from "~/data/packet-drafts.server";
import { recordRead } from "~/data/audit.server";
import { readPacketPage } from "~/data/packet-page.server";
import { decidePacket, startReview, submitPacket } from "~/data/packet-workflow.server";
import { isPacketForm, PACKET_FORM_RIGHTS, type PacketAccess } from "~/domain/promotion/access";
import {
  assessmentSchema,
  deleteEvidenceSchema,
  evidenceSchema,
  invitePeerSchema,
  packetSummarySchema,
  promotionDecisionSchema,
  removePeerSchema,
  statementSchema,
} from "~/domain/promotion/forms";
import { targetCriteria } from "~/domain/promotion/snapshot";
import { badRequest, formError, formSaved, parseForm, readFormData } from "~/utils/forms.server";
import { auditActor } from "~/utils/audit.server";
import { requestNow } from "~/utils/clock.server";
import { requirePacketAccess } from "~/utils/packet-access.server";
import { failureResponse, refusalResponse } from "~/utils/refusals.server";
import type { Refusal, Stale } from "~/data/packet-drafts.server";
import styles from "~/styles/packet.css?url";
import { PacketPage } from "./packet-page";
import { packetPageView } from "~/views/packet-page";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.builder.name} · ${data.packet.fromLevel} → ${data.packet.targetLevel} packet · Builder Ladder` : "Promotion packet · Builder Ladder" },
];

/** The promotion packet: the draft editor for the builder and manager, the frozen case for the committee. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // The gate's read of the packet is the first of the page's two: the page continues from it.
  const { user, packet, access } = await requirePacketAccess(request, params.packetId);
  const records = await readPacketPage(packet, access);
  if (!records) throw data({ message: "No such packet" }, { status: 404 });
  const page = packetPageView(records, { id: user.id, access });
  // Every reading of a packet is on the builder's trail, their own included; pay is named when it was shown.
  const detail = page.pay ? { pay: true } : null;
  await recordRead(auditActor(user, context), { action: "packet.read", recordType: "packet", recordId: page.packet.id, subjectUserId: page.builder.userId, detail }, requestNow(request));
  return page;
}

const REFUSALS: Record<keyof PacketAccess, string> = {
  read: "You may not read this packet.",
  readAssessments: "",
  readDecision: "",
  readAllStatements: "",
  readPay: "",
  editDraft: "Only the builder and their manager edit a packet, and only while it is a draft.",
  invitePeers: "Only the builder's manager invites peers, while the packet is a draft.",
  assess: "Only the builder's manager assesses the criteria, while the packet is a draft.",
  submit: "Only the builder's manager submits the packet, once, from the draft.",
  writeStatement: "Only invited peers write statements, while the packet is a draft.",
  startReview: "Only the promotion committee starts the review of a submitted packet.",
  decide: "Only the promotion committee decides, once the packet is in review.",
};

type Written = { ok: true } | Refusal | Stale<unknown>;

/**
 * A write that did not happen: 400 beside the field the server checks (a cited project); otherwise
 * the shared refusal answer. Either carries `stale` (what is stored now, for the page to show beside the form).
 */
function refused(result: Refusal | Stale<unknown>) {
  return failureResponse(result, { stale: (result.reason === "invalid" ? null : result.current) ?? null });
}

const answer = (result: Written) => (result.ok ? formSaved() : refused(result));

export async function action({ request, params, context }: ActionFunctionArgs) {
  // The packet the gate checked: its rubric, target level and snapshot check the forms below.
  const { user, packet, access } = await requirePacketAccess(request, params.packetId);
  const packetId = params.packetId!;
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  if (!isPacketForm(intent)) return formError("Unknown action.");
  const right = PACKET_FORM_RIGHTS[intent];
  if (!access[right]) throw data({ message: REFUSALS[right] }, { status: 403 });
  // The request's time (the test clock in end-to-end tests); sessions are still checked on the real clock.
  const now = requestNow(request);
  const actor = auditActor(user, context);

  switch (intent) {
    case "summary": {
      const parsed = parseForm(packetSummarySchema, form);
      return parsed.success ? answer(await saveSummary(packetId, parsed.data, actor, now)) : badRequest(parsed.failure);
    }
    case "evidence": {
      const defined = { criterion: packet.rubric.advancement_criteria.map((c) => c.id), competency: packet.rubric.competencies.map((c) => c.id) };
      const parsed = parseForm(evidenceSchema(defined), form);
      return parsed.success ? answer(await saveEvidence(packetId, parsed.data, actor, now)) : badRequest(parsed.failure);
    }
    case "delete-evidence": {
      const parsed = parseForm(deleteEvidenceSchema, form);
      return parsed.success ? answer(await deleteEvidence(packetId, parsed.data, actor, now)) : badRequest(parsed.failure);
    }
    case "assessment": {
      const schema = assessmentSchema(
        targetCriteria(packet.rubric, packet.targetLevel).map((c) => c.id),
        packet.rubric.scale.map((s) => s.value),
      );
      const parsed = parseForm(schema, form);
      return parsed.success ? answer(await saveAssessment(packetId, parsed.data, actor, now)) : badRequest(parsed.failure);
    }
    case "invite-peer": {
      const parsed = parseForm(invitePeerSchema, form);
      return parsed.success ? answer(await invitePeer(packetId, parsed.data.peerId, actor, now)) : badRequest(parsed.failure);
    }
    case "remove-peer": {
      const parsed = parseForm(removePeerSchema, form);
      return parsed.success ? answer(await removePeer(packetId, parsed.data.peerId, actor, now)) : badRequest(parsed.failure);
    }
    case "statement": {
      const parsed = parseForm(statementSchema, form);
      return parsed.success ? answer(await saveStatement(packetId, parsed.data, actor, now)) : badRequest(parsed.failure);
    }
    case "submit": {
      const result = await submitPacket(packetId, { ...actor, name: user.name }, now);
      return result.ok ? formSaved() : refusalResponse(result);
    }
    case "start-review": {
      const result = await startReview(packetId, actor, now);
      return result.ok ? formSaved() : refusalResponse(result);
    }
    case "decide": {
      const band = packet.rubric.bands.levels[packet.targetLevel]!.base;
      // The raise is measured against the base the committee read: the one frozen at submission.
      const minimumRaise = { baseAtSubmission: packet.snapshot?.baseAtSubmission ?? null, minRaisePercent: packet.rubric.decision_rules.promotion_pay.min_raise_percent };
      const parsed = parseForm(promotionDecisionSchema(targetCriteria(packet.rubric, packet.targetLevel), band, packet.rubric.bands.currency, minimumRaise), form);
      if (!parsed.success) return badRequest(parsed.failure);
      const result = await decidePacket(packetId, parsed.data, actor, now);
      return result.ok ? formSaved() : refusalResponse(result);
    }
  }
}

export default function PacketRoute() {
  return <PacketPage data={useLoaderData<typeof loader>()} />;
}
