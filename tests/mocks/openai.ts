import { randomBytes } from "node:crypto";
import { http, HttpResponse } from "msw";

/**
 * OpenAI's API (https://api.openai.com/v1) as msw handlers: chat completions and audio
 * transcriptions. Tests script the answers in order (`scriptOpenAiChat`); a step may be a
 * function of the request (to book a slot the previous tool result offered) or a failure
 * (`{ status: 500 }`). A request with no scripted answer fails with 500 and is recorded as
 * unscripted, which fails the test (tests/mocks/index.ts). State is cleared after each test.
 */
export const OPENAI_API_URL = "https://api.openai.com/v1";

export interface OpenAiChatRequest {
  model: string;
  messages: Array<{
    role: string;
    content: string | null;
    tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
    tool_call_id?: string;
  }>;
  tools?: Array<{ type: "function"; function: { name: string; description?: string; parameters?: unknown } }>;
  response_format?: unknown;
}

export type OpenAiChatStep =
  | { content: string }
  | { toolCalls: Array<{ name: string; arguments: Record<string, unknown> | string }>; content?: string | null }
  | { status: number; message?: string };

export type OpenAiScriptStep = OpenAiChatStep | ((request: OpenAiChatRequest) => OpenAiChatStep);

/** Every chat request the code under test sent, in order (parsed bodies). */
export const openAiChatRequests: OpenAiChatRequest[] = [];
/** Transcription requests (model and language fields of the multipart form). */
export const openAiTranscriptionRequests: Array<{ model: string | null; language: string | null; bytes: number }> = [];
/** Requests that arrived after the script ran out (each one fails the test). */
export const unscriptedOpenAiRequests: string[] = [];

const chatScript: OpenAiScriptStep[] = [];
const transcriptScript: Array<{ text: string } | { status: number }> = [];

/** Appends answers for the next chat completion requests. */
export function scriptOpenAiChat(...steps: OpenAiScriptStep[]): void {
  chatScript.push(...steps);
}

/** Appends answers for the next transcription requests. */
export function scriptOpenAiTranscription(...steps: Array<{ text: string } | { status: number }>): void {
  transcriptScript.push(...steps);
}

/** Scripted chat answers not used yet. */
export const pendingOpenAiChat = () => chatScript.length;

/** The JSON of the last tool result (role "tool") in a chat request. */
export function lastToolResult<T = Record<string, unknown>>(request: OpenAiChatRequest): T {
  const tool = [...request.messages].reverse().find((m) => m.role === "tool");
  if (!tool?.content) throw new Error("no tool result in the request");
  return JSON.parse(tool.content) as T;
}

const id = (prefix: string) => `${prefix}-${randomBytes(8).toString("hex")}`;

function errorResponse(status: number, message: string) {
  return HttpResponse.json(
    { error: { message, type: status >= 500 ? "server_error" : "invalid_request_error", code: null, param: null } },
    { status },
  );
}

function completion(request: OpenAiChatRequest, step: Exclude<OpenAiChatStep, { status: number }>) {
  const toolCalls =
    "toolCalls" in step
      ? step.toolCalls.map((c) => ({
          id: id("call"),
          type: "function" as const,
          function: { name: c.name, arguments: typeof c.arguments === "string" ? c.arguments : JSON.stringify(c.arguments) },
        }))
      : undefined;
  return HttpResponse.json({
    id: id("chatcmpl"),
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: "toolCalls" in step ? (step.content ?? null) : step.content,
          refusal: null,
          ...(toolCalls ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: toolCalls ? "tool_calls" : "stop",
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  });
}

export const openAiHandlers = [
  http.post(`${OPENAI_API_URL}/chat/completions`, async ({ request }) => {
    const body = (await request.json()) as OpenAiChatRequest;
    openAiChatRequests.push(body);
    const next = chatScript.shift();
    if (!next) {
      unscriptedOpenAiRequests.push("POST /chat/completions");
      return errorResponse(500, "no scripted answer (tests/mocks/openai.ts)");
    }
    const step = typeof next === "function" ? next(body) : next;
    if ("status" in step) return errorResponse(step.status, step.message ?? "scripted failure");
    return completion(body, step);
  }),
  http.post(`${OPENAI_API_URL}/audio/transcriptions`, async ({ request }) => {
    const form = await request.formData();
    const file = form.get("file");
    openAiTranscriptionRequests.push({
      model: (form.get("model") as string | null) ?? null,
      language: (form.get("language") as string | null) ?? null,
      bytes: file && typeof file !== "string" ? file.size : 0,
    });
    const next = transcriptScript.shift();
    if (!next) {
      unscriptedOpenAiRequests.push("POST /audio/transcriptions");
      return errorResponse(500, "no scripted transcription (tests/mocks/openai.ts)");
    }
    if ("status" in next) return errorResponse(next.status, "scripted failure");
    return HttpResponse.json({ text: next.text });
  }),
];

export function resetOpenAiMock(): void {
  chatScript.length = 0;
  transcriptScript.length = 0;
  openAiChatRequests.length = 0;
  openAiTranscriptionRequests.length = 0;
  const leftovers = unscriptedOpenAiRequests.splice(0);
  if (leftovers.length) throw new Error(`OpenAI was called without a scripted answer: ${leftovers.join(", ")}`);
}
