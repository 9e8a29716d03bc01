// The rule itself (src/publish/write-once-more.ts), without GitHub: how many times a write is sent, and when it is
// read back. The fake-backed tests (test/faults/write-once-more*.test.ts) show it on each write of the publish path.
import { describe, expect, test } from "@jest/globals";
import { repeatOnce, writeOnceMore, type Found } from "../../src/publish/write-once-more.js";

const status = (code: number) => Object.assign(new Error(`HTTP ${code}`), { status: code });

/** A write answering with `answers` in turn (an Error is thrown), counting what was sent and read back. */
function scripted(answers: (string | Error)[], readBacks: Found<string>[] = []) {
  const calls: string[] = [];
  return {
    calls,
    send: async () => {
      const answer = answers[calls.filter((c) => c === "send").length];
      calls.push("send");
      if (answer instanceof Error) throw answer;
      return answer!;
    },
    readBack: async () => {
      calls.push("read back");
      return readBacks.shift();
    },
    isRefusal: (error: unknown) => (error as { status?: number }).status === 422,
    refused: async () => {
      calls.push("refused");
      return "theirs";
    },
  };
}

describe("writeOnceMore", () => {
  test("a 502 with nothing done: read back, sent once more", async () => {
    const w = scripted([status(502), "ours"]);
    expect(await writeOnceMore(w)).toBe("ours");
    expect(w.calls).toEqual(["send", "read back", "send"]);
  });

  test("a 502 for a write that happened: read back, not sent again", async () => {
    const w = scripted([status(502)], [{ done: "found" }]);
    expect(await writeOnceMore(w)).toBe("found");
    expect(w.calls).toEqual(["send", "read back"]);
  });

  test("two 502s with nothing done: two sends, never a third; the second error is thrown", async () => {
    const second = status(503);
    const w = scripted([status(502), second, "never"]);
    await expect(writeOnceMore(w)).rejects.toBe(second);
    expect(w.calls).toEqual(["send", "read back", "send", "read back"]);
  });

  test("the second 502 for a write that happened: the read-back's answer", async () => {
    const w = scripted([status(502), status(502)], [undefined, { done: "found" }]);
    expect(await writeOnceMore(w)).toBe("found");
  });

  test("an error that is an answer (403) is thrown as it is: no read-back, no second send", async () => {
    const forbidden = status(403);
    const w = scripted([forbidden]);
    await expect(writeOnceMore(w)).rejects.toBe(forbidden);
    expect(w.calls).toEqual(["send"]);
  });

  test("a refusal on the first send is somebody else's write: refused answers, no read-back", async () => {
    const w = scripted([status(422)]);
    expect(await writeOnceMore(w)).toBe("theirs");
    expect(w.calls).toEqual(["send", "refused"]);
  });

  test("a refusal on the second send may be the first's doing: read back, and it is ours", async () => {
    const w = scripted([status(502), status(422)], [undefined, { done: "ours" }]);
    expect(await writeOnceMore(w)).toBe("ours");
    expect(w.calls).toEqual(["send", "read back", "send", "read back"]);
  });

  test("a refusal on the second send, and the read-back finds nothing of ours: refused answers", async () => {
    const w = scripted([status(502), status(422)]);
    expect(await writeOnceMore(w)).toBe("theirs");
    expect(w.calls).toEqual(["send", "read back", "send", "read back", "refused"]);
  });
});

describe("repeatOnce", () => {
  test("a lost answer (no status) or a 5xx: sent once more, at most", async () => {
    const w = scripted([new Error("other side closed"), status(502), "never"]);
    await expect(repeatOnce(w.send)).rejects.toThrow("HTTP 502");
    expect(w.calls).toEqual(["send", "send"]);
  });

  test("a 4xx is an answer: not sent again", async () => {
    const w = scripted([status(404)]);
    await expect(repeatOnce(w.send)).rejects.toThrow("HTTP 404");
    expect(w.calls).toEqual(["send"]);
  });
});
