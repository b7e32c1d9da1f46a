import OpenAI, { APIConnectionError, APIError, toFile } from "openai";
import type { ChatCompletionMessageParam, ChatCompletionTool } from "openai/resources/chat/completions";
import {
  AiInvalidResponseError,
  AiUnavailableError,
  SUMMARY_INTENTS,
  SUMMARY_URGENCIES,
  ZAiSummarySchema,
  type AiPort,
  type TAiChatInput,
  type TAiChatResult,
  type TAiMessage,
  type TAiSummarizeInput,
  type TAiSummary,
  type TAiTranscribeInput,
  type TAiTranscription,
} from "./port";

/** The OpenAI adapter: chat completions with tools, Whisper transcription, strict JSON summaries. */
export interface OpenAiPortOptions {
  apiKey: string;
  model: string;
  transcribeModel: string;
  /** The SDK's own retries (0 in tests: the mock decides what happens). */
  maxRetries: number;
  timeoutMs: number;
  /** Tests and proxies; default https://api.openai.com/v1. */
  baseURL?: string;
}

/** The JSON schema OpenAI must answer summaries in (strict: every field required, nothing else). */
const SUMMARY_JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["summary", "intent", "urgency", "callbackRequested"],
  properties: {
    summary: { type: "string", description: "Two or three sentences for the business owner." },
    intent: { type: "string", enum: [...SUMMARY_INTENTS] },
    urgency: { type: "string", enum: [...SUMMARY_URGENCIES] },
    callbackRequested: { type: "boolean" },
  },
} as const;

const LANGUAGE_NAME = { en: "English", es: "Spanish" } as const;

export function createOpenAiPort(options: OpenAiPortOptions): AiPort {
  // Carrying Response spares the SDK its fetch("data:,") probe before an upload (tests treat any unmocked request as an error).
  const fetchWithResponse = Object.assign((input: string | URL | Request, init?: RequestInit) => globalThis.fetch(input, init), {
    Response,
  });
  const client = new OpenAI({
    apiKey: options.apiKey,
    maxRetries: options.maxRetries,
    timeout: options.timeoutMs,
    baseURL: options.baseURL,
    fetch: fetchWithResponse,
  });

  return {
    provider: "openai",

    async chat(input: TAiChatInput): Promise<TAiChatResult> {
      const completion = await call(() =>
        client.chat.completions.create({
          model: options.model,
          messages: [{ role: "system", content: input.system }, ...input.messages.map(toOpenAiMessage)],
          ...(input.tools.length ? { tools: input.tools.map(toOpenAiTool), tool_choice: "auto" as const } : {}),
        }),
      );
      const message = completion.choices[0]?.message;
      if (!message) throw new AiInvalidResponseError("chat completion without a message");
      const toolCalls = (message.tool_calls ?? []).flatMap((c) =>
        c.type === "function" ? [{ id: c.id, name: c.function.name, arguments: c.function.arguments }] : [],
      );
      const usage = completion.usage
        ? {
            promptTokens: completion.usage.prompt_tokens,
            completionTokens: completion.usage.completion_tokens,
            totalTokens: completion.usage.total_tokens,
          }
        : undefined;
      return { content: message.content ?? null, toolCalls, usage };
    },

    async transcribe(input: TAiTranscribeInput): Promise<TAiTranscription> {
      if (!input.audio) return { text: input.spokenText?.trim() ?? "", language: input.language };
      const file = await toFile(input.audio, input.filename);
      const result = await call(() =>
        client.audio.transcriptions.create({ file, model: options.transcribeModel, language: input.language }),
      );
      return { text: result.text.trim(), language: input.language };
    },

    async summarize(input: TAiSummarizeInput): Promise<TAiSummary> {
      const completion = await call(() =>
        client.chat.completions.create({
          model: options.model,
          messages: [
            {
              role: "system",
              content:
                `You summarise phone calls and voicemails for ${input.businessName}, a local service business. ` +
                `Write the summary in ${LANGUAGE_NAME[input.locale]}, in two or three short sentences, using only what the caller said. ` +
                "intent: what the caller wants; urgency HIGH only for emergencies or same-day needs; callbackRequested: whether they asked to be called back.",
            },
            { role: "user", content: input.transcript },
          ],
          response_format: { type: "json_schema", json_schema: { name: "call_summary", strict: true, schema: SUMMARY_JSON_SCHEMA } },
        }),
      );
      const text = completion.choices[0]?.message?.content;
      if (!text) throw new AiInvalidResponseError("summary without content");
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new AiInvalidResponseError("summary is not JSON", { cause: error });
      }
      const parsed = ZAiSummarySchema.safeParse(json);
      if (!parsed.success)
        throw new AiInvalidResponseError(
          `summary does not match the schema: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`,
        );
      return parsed.data;
    },
  };
}

function toOpenAiMessage(m: TAiMessage): ChatCompletionMessageParam {
  if (m.role === "user") return { role: "user", content: m.content };
  if (m.role === "tool") return { role: "tool", tool_call_id: m.toolCallId, content: m.content };
  return {
    role: "assistant",
    content: m.content,
    ...(m.toolCalls?.length
      ? {
          tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: "function" as const, function: { name: c.name, arguments: c.arguments } })),
        }
      : {}),
  };
}

function toOpenAiTool(t: { name: string; description: string; parameters: Record<string, unknown> }): ChatCompletionTool {
  return { type: "function", function: { name: t.name, description: t.description, parameters: t.parameters } };
}

/** Network trouble, timeouts, 429 and 5xx become AiUnavailableError (retry later); anything else is a bug or a bad key. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toAiError(error);
  }
}

export function toAiError(error: unknown): unknown {
  if (error instanceof APIConnectionError) return new AiUnavailableError(`OpenAI unreachable: ${error.message}`, null, { cause: error });
  if (
    error instanceof APIError &&
    typeof error.status === "number" &&
    (error.status === 429 || error.status === 408 || error.status >= 500)
  ) {
    return new AiUnavailableError(`OpenAI answered ${error.status}`, error.status, { cause: error });
  }
  return error;
}
