import { describe, expect, it } from "vitest";
import { forVoice } from "../../../server/ai/agent/agent-turn.server";
import { agentTools } from "../../../server/ai/agent/tools.server";
import { AiInvalidResponseError, AiUnavailableError, createOpenAiPort } from "../../../server/integrations/ai";
import { setupMockServer } from "../../mocks/index";
import { openAiChatRequests, openAiTranscriptionRequests, scriptOpenAiChat, scriptOpenAiTranscription } from "../../mocks/openai";

setupMockServer();

const port = () =>
  createOpenAiPort({ apiKey: "sk-test", model: "gpt-4o-mini", transcribeModel: "whisper-1", maxRetries: 0, timeoutMs: 5_000 });

describe("OpenAI adapter (msw)", () => {
  it("chat sends the system prompt, history and tools; returns tool calls and usage", async () => {
    scriptOpenAiChat({ toolCalls: [{ name: "business_hours", arguments: {} }] });
    const tools = agentTools();
    const answer = await port().chat({
      system: "be brief",
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: null, toolCalls: [{ id: "c1", name: "faq", arguments: "{}" }] },
        { role: "tool", toolCallId: "c1", content: '{"faq":[]}' },
      ],
      tools,
    });
    expect(answer.toolCalls).toEqual([{ id: expect.any(String), name: "business_hours", arguments: "{}" }]);
    expect(answer.content).toBeNull();
    expect(answer.usage).toEqual({ promptTokens: 100, completionTokens: 20, totalTokens: 120 });
    const sent = openAiChatRequests[0];
    expect(sent.model).toBe("gpt-4o-mini");
    expect(sent.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(sent.messages[2].tool_calls?.[0].function.name).toBe("faq");
    const bookSlot = sent.tools?.find((t) => t.function.name === "book_slot");
    expect(bookSlot?.function.parameters).toMatchObject({
      type: "object",
      required: ["serviceId", "startsAt"],
      additionalProperties: false,
    });
  });

  it("429 and 5xx are AiUnavailableError (retryable); 400 is not", async () => {
    scriptOpenAiChat({ status: 429 }, { status: 503 }, { status: 400 });
    const input = { system: "s", messages: [{ role: "user" as const, content: "x" }], tools: [] };
    await expect(port().chat(input)).rejects.toMatchObject({ name: "AiUnavailableError", status: 429, retryable: true });
    await expect(port().chat(input)).rejects.toBeInstanceOf(AiUnavailableError);
    const bad = await port()
      .chat(input)
      .catch((e: unknown) => e);
    expect(bad).not.toBeInstanceOf(AiUnavailableError);
  });

  it("summaries ask for strict JSON and are validated", async () => {
    scriptOpenAiChat(
      {
        content: JSON.stringify({ summary: "Ana wants a detail on Saturday.", intent: "BOOK", urgency: "NORMAL", callbackRequested: true }),
      },
      { content: JSON.stringify({ summary: "x", intent: "PARTY", urgency: "NORMAL", callbackRequested: false }) },
    );
    const summary = await port().summarize({ transcript: "Hi it's Ana, detail Saturday, call me", locale: "en", businessName: "Shiny" });
    expect(summary).toEqual({ summary: "Ana wants a detail on Saturday.", intent: "BOOK", urgency: "NORMAL", callbackRequested: true });
    expect(openAiChatRequests[0].response_format).toMatchObject({
      type: "json_schema",
      json_schema: { name: "call_summary", strict: true },
    });
    await expect(port().summarize({ transcript: "x", locale: "es", businessName: "Shiny" })).rejects.toBeInstanceOf(AiInvalidResponseError);
  });

  it("transcribe uploads the audio with model and language", async () => {
    scriptOpenAiTranscription({ text: " Hola, quiero una cita. " });
    const result = await port().transcribe({ audio: new Uint8Array([1, 2, 3, 4]), filename: "voicemail.wav", language: "es" });
    expect(result).toEqual({ text: "Hola, quiero una cita.", language: "es" });
    expect(openAiTranscriptionRequests).toEqual([{ model: "whisper-1", language: "es", bytes: 4 }]);
  });
});

describe("voice replies", () => {
  it("drop links and emoji and stay short", () => {
    expect(forVoice("Sure! 🚗 Book at https://x.example/s/a/book today.")).toBe("Sure! Book at today.");
    const long = `${"We are open every day. ".repeat(30)}`;
    expect(forVoice(long).length).toBeLessThanOrEqual(400);
    expect(forVoice(long).endsWith(".")).toBe(true);
  });
});
