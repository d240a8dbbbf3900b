import { describe, expect, it } from "vitest";
import { conflict, forbidden, invalid, invalidField, locked, notFound, refuse, stale, type Refusal } from "~/domain/refusal";
import { failureResponse, invalidResponse, refusalResponse, refusing } from "~/utils/refusals.server";

type Answer = { data: Record<string, unknown>; init: ResponseInit | null };
const answer = (value: unknown) => value as Answer;

describe("the answer to a refusal", () => {
  it("takes its status from the kind: 404, 403, and 409 for locked, stale and conflict", () => {
    const statuses = [notFound("a"), forbidden("b"), locked("c"), stale("d"), conflict("e")].map((r) => answer(refusalResponse(r)).init?.status);
    expect(statuses).toEqual([404, 403, 409, 409, 409]);
  });

  it("is a form error that names the kind and the message (and nothing stored when there is none)", () => {
    for (const refusal of [notFound("No such packet."), forbidden("Not yours."), locked("Submitted."), stale("Changed."), conflict("Not ready.")]) {
      const { data } = answer(refusalResponse(refusal));
      expect(data).toEqual({ ok: false, reason: refusal.reason, message: refusal.message, fieldErrors: {}, formErrors: [refusal.message] });
    }
  });

  it("carries what is stored now with a stale refusal", () => {
    const current = { version: 2, summary: "Theirs" };
    expect(answer(refusalResponse(stale("Bea saved first.", current))).data).toEqual({
      ok: false,
      reason: "stale",
      message: "Bea saved first.",
      current,
      fieldErrors: {},
      formErrors: ["Bea saved first."],
    });
  });

  it("lets the page word a refusal the data layer left unworded, else says something for its kind", () => {
    const unworded: Refusal = { ok: false, reason: "locked" };
    expect(answer(refusalResponse(unworded, { message: "Submitted meanwhile." })).data).toMatchObject({ message: "Submitted meanwhile.", formErrors: ["Submitted meanwhile."] });
    expect(answer(refusalResponse(unworded, { message: undefined })).data.message).toEqual(expect.any(String));
    expect(answer(refusalResponse(unworded)).init?.status).toBe(409);
  });

  it("adds what one page reads besides, and may keep that page's own reason on the wire", () => {
    const { data, init } = answer(refusalResponse(stale("Amended meanwhile.", { number: 2 }), { reason: "amended", revision: 2 }));
    expect(init?.status).toBe(409);
    expect(data).toMatchObject({ ok: false, reason: "amended", revision: 2, current: { number: 2 }, formErrors: ["Amended meanwhile."] });
  });
});

describe("the answer to input the server judged invalid", () => {
  it("is 400, with the message beside the field it names (and not again as a form error)", () => {
    const { data, init } = answer(invalidResponse(invalidField("approverId", "The approver is not someone in this organisation.")));
    expect(init?.status).toBe(400);
    expect(data).toEqual({
      ok: false,
      reason: "invalid",
      message: "The approver is not someone in this organisation.",
      fieldErrors: { approverId: ["The approver is not someone in this organisation."] },
      formErrors: [],
    });
  });

  it("is the form error when it names no field, so it is never silent", () => {
    const { data, init } = answer(invalidResponse(invalid("Define at least one success metric.")));
    expect(init?.status).toBe(400);
    expect(data).toEqual({ ok: false, reason: "invalid", message: "Define at least one success metric.", fieldErrors: {}, formErrors: ["Define at least one success metric."] });
  });

  it("does not share its field errors with the result it came from", () => {
    const result = invalidField("roi", "Write the return on investment so far.");
    const { data } = answer(invalidResponse(result));
    (data.fieldErrors as Record<string, string[]>).other = ["x"];
    expect(result.fieldErrors).toEqual({ roi: ["Write the return on investment so far."] });
  });
});

describe("the answer to any write that did not happen", () => {
  it("is 400 for invalid input and the refusal's own answer for each kind", () => {
    const cases = [
      [invalidField("comments", "Say what should change."), 400],
      [notFound("No such project."), 404],
      [forbidden("Only the project's owner edits it."), 403],
      [locked("The project is already closed."), 409],
      [stale("Someone changed this project."), 409],
      [conflict("The project is not blocked."), 409],
    ] as const;
    for (const [failure, status] of cases) {
      const { data, init } = answer(failureResponse(failure));
      expect(init?.status).toBe(status);
      expect(data).toMatchObject({ ok: false, reason: failure.reason, message: failure.message });
      if (failure.reason === "invalid") expect(data).toMatchObject({ fieldErrors: { comments: ["Say what should change."] }, formErrors: [] });
      else expect(data).toEqual(answer(refusalResponse(failure)).data);
    }
  });

  it("adds what one page reads besides to either answer", () => {
    expect(answer(failureResponse(invalidField("projectId", "Cite one of the builder's own projects."), { stale: null })).data).toMatchObject({ reason: "invalid", stale: null });
    expect(answer(failureResponse(stale("Bea saved first.", { version: 2 }), { stale: { version: 2 } })).data).toMatchObject({ reason: "stale", stale: { version: 2 }, current: { version: 2 } });
  });
});

describe("running a write that throws its refusal", () => {
  it("passes a write's result through", async () => {
    expect(await refusing(async () => ({ ok: true as const, id: "p1" }))).toEqual({ ok: true, id: "p1" });
  });

  it("throws the refusal's answer instead of the error", async () => {
    const thrown = await refusing(async () => refuse(locked("This candidate was erased."))).catch((error: unknown) => error);
    expect(answer(thrown).init?.status).toBe(409);
    expect(answer(thrown).data).toMatchObject({ reason: "locked", message: "This candidate was erased.", formErrors: ["This candidate was erased."] });
  });

  it("lets any other error through as it is", async () => {
    const failure = new Error("disk full");
    await expect(refusing(async () => Promise.reject(failure))).rejects.toBe(failure);
  });
});
