import { z } from "zod";

/**
 * The AI port: what ServicePro asks of a language model. The OpenAI adapter (openai.ts)
 * is used when OPENAI_API_KEY is set; the local adapter (local.ts) answers without a key,
 * deterministically. Callers only ever see `aiPort()` (index.ts).
 */
export type TAiLocale = "en" | "es";

export interface TAiToolCall {
  id: string;
  name: string;
  /** The model's arguments as it wrote them (JSON text): callers validate them with zod. */
  arguments: string;
}

export type TAiMessage =
  | { role: "user"; content: string }
  | { role: "assistant"; content: string | null; toolCalls?: TAiToolCall[] }
  | { role: "tool"; toolCallId: string; content: string };

export interface TAiTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
}

export interface TAiUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface TAiChatInput {
  system: string;
  messages: TAiMessage[];
  tools: TAiTool[];
}

export interface TAiChatResult {
  content: string | null;
  toolCalls: TAiToolCall[];
  usage?: TAiUsage;
}

export interface TAiTranscribeInput {
  /** The recording; null when there is none (the call simulator types the words instead). */
  audio: Uint8Array | null;
  filename: string;
  language: TAiLocale;
  /** What was said, when already known (simulator): the local adapter returns it. */
  spokenText?: string | null;
}

export interface TAiTranscription {
  text: string;
  language: TAiLocale;
}

export const SUMMARY_INTENTS = ["BOOK", "RESCHEDULE", "CANCEL", "QUESTION", "COMPLAINT", "OTHER"] as const;
export const SUMMARY_URGENCIES = ["LOW", "NORMAL", "HIGH"] as const;

/** A call or voicemail summary, as the model must return it (validated before use). */
export const ZAiSummarySchema = z
  .object({
    // A long-winded model is trimmed, not refused: the owner still gets the summary.
    summary: z
      .string()
      .trim()
      .min(1)
      .transform((s) => (s.length > 1000 ? `${s.slice(0, 999)}…` : s)),
    intent: z.enum(SUMMARY_INTENTS),
    urgency: z.enum(SUMMARY_URGENCIES),
    callbackRequested: z.boolean(),
  })
  .strict();
export type TAiSummary = z.infer<typeof ZAiSummarySchema>;

export interface TAiSummarizeInput {
  transcript: string;
  locale: TAiLocale;
  businessName: string;
}

export interface AiPort {
  readonly provider: "openai" | "local";
  /** One model turn: a reply, or tool calls the caller runs and sends back. */
  chat(input: TAiChatInput): Promise<TAiChatResult>;
  transcribe(input: TAiTranscribeInput): Promise<TAiTranscription>;
  summarize(input: TAiSummarizeInput): Promise<TAiSummary>;
}

/**
 * The model could not be reached or is overloaded (network, timeout, 429, 5xx). Retryable:
 * callers let it propagate so the job step runs again later.
 */
export class AiUnavailableError extends Error {
  readonly retryable = true;
  constructor(
    message: string,
    public readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AiUnavailableError";
  }
}

/** The model answered something unusable (invalid JSON for a structured answer). */
export class AiInvalidResponseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AiInvalidResponseError";
  }
}
