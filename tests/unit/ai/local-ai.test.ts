import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../../server/env.server";
import { aiPort, createLocalAi, heuristicSummary, installAiPort } from "../../../server/integrations/ai";

describe("local AI adapter (no key)", () => {
  afterEach(() => {
    delete process.env.OPENAI_API_KEY;
    resetEnvCache();
    installAiPort(undefined);
  });

  it("aiPort() is local without OPENAI_API_KEY and OpenAI with it", () => {
    delete process.env.OPENAI_API_KEY;
    resetEnvCache();
    installAiPort(undefined);
    expect(aiPort().provider).toBe("local");
    process.env.OPENAI_API_KEY = "sk-test";
    resetEnvCache();
    installAiPort(undefined);
    expect(aiPort().provider).toBe("openai");
  });

  it("transcribe returns the typed words, or says it needs a key (localized)", async () => {
    const ai = createLocalAi();
    expect(await ai.transcribe({ audio: null, filename: "v.wav", language: "en", spokenText: " Call me back please " })).toEqual({
      text: "Call me back please",
      language: "en",
    });
    expect((await ai.transcribe({ audio: new Uint8Array([1, 2]), filename: "v.wav", language: "es" })).text).toMatch(/sin conexión/);
  });

  it("summaries: first sentences, intent, urgency and callback by keywords", () => {
    expect(heuristicSummary("Hi, this is Ana. I'd like to book a full detail for Saturday. My car is a mess. Thanks!", "en")).toEqual({
      summary: "Hi, this is Ana. I'd like to book a full detail for Saturday.",
      intent: "BOOK",
      urgency: "NORMAL",
      callbackRequested: false,
    });
    expect(heuristicSummary("Necesito cancelar mi cita de hoy, es urgente. Llámeme por favor.", "es")).toMatchObject({
      intent: "CANCEL",
      urgency: "HIGH",
      callbackRequested: true,
    });
    expect(heuristicSummary("I'm not happy, the seats were damaged. Call me back.", "en")).toMatchObject({
      intent: "COMPLAINT",
      callbackRequested: true,
    });
    expect(heuristicSummary("Do you work on boats?", "en")).toMatchObject({ intent: "QUESTION", urgency: "NORMAL" });
    expect(heuristicSummary("   ", "es").summary).toBe("(no se grabaron palabras)");
  });
});
