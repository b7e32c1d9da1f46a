import type { Prisma } from "../db/generated/prisma/client";
import { announceInboxEvent } from "../conversations/inbox-events.server";
import { messagePreview } from "../conversations/preview";
import { withTenant } from "../db/db.server";
import { env, isSignalWireConfigured } from "../env.server";
import { isSupportedLocale, type TLocale } from "../i18n/localized-text";
import { translateNow } from "../i18n/translate.server";
import { aiPort } from "../integrations/ai";
import { assertPublicUrl, type Resolver } from "../security/outbound-url.server";
import { billableMinutes, recordUsage } from "../usage/usage.server";
import { formatDuration as clock } from "./duration";

/**
 * What happens to a voicemail after the call: the recording is transcribed, the
 * transcript summarised (intent, urgency, whether they want a call back), and both are
 * written onto the VOICEMAIL message in the caller's thread. Each function is one durable
 * step of the voicemail-processing Inngest function: network calls (the recording, the AI
 * port) happen outside transactions, and each result is saved before the next step.
 */
export interface TVoicemailSummary {
  summary: string;
  intent: "BOOK" | "RESCHEDULE" | "CANCEL" | "QUESTION" | "COMPLAINT" | "OTHER";
  urgency: "LOW" | "NORMAL" | "HIGH";
  callbackRequested: boolean;
}

interface VoicemailFacts {
  language: TLocale;
  ownerLocale: TLocale;
  businessName: string;
  recordingUrl: string | null;
  spokenText: string | null;
  durationSeconds: number;
  transcript: string | null;
  summary: TVoicemailSummary | null;
}

const MAX_AUDIO_BYTES = 20 * 1024 * 1024;

/** DNS for the recording host (tests answer it; the network is the process edge). */
let recordingResolver: Resolver | undefined;
export function setRecordingResolver(resolve: Resolver | undefined): void {
  recordingResolver = resolve;
}

async function loadVoicemail(tenantId: string, messageId: string, language: TLocale): Promise<VoicemailFacts> {
  return withTenant(tenantId, async (db) => {
    const message = await db.message.findFirst({ where: { id: messageId, channel: "VOICEMAIL" }, select: { metadata: true } });
    if (!message) throw new Error(`voicemail ${messageId} not found`);
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, defaultLocale: true } });
    const meta = (message.metadata ?? {}) as Record<string, unknown>;
    return {
      language,
      ownerLocale: isSupportedLocale(tenant.defaultLocale) ? tenant.defaultLocale : "en",
      businessName: tenant.name,
      recordingUrl: typeof meta.recordingUrl === "string" ? meta.recordingUrl : null,
      spokenText: typeof meta.spokenText === "string" ? meta.spokenText : null,
      durationSeconds: typeof meta.durationSeconds === "number" ? meta.durationSeconds : 0,
      transcript: typeof meta.transcript === "string" ? meta.transcript : null,
      summary: (meta.summary as TVoicemailSummary | undefined) ?? null,
    };
  });
}

/** Fetches a carrier recording: https on the carrier's own host only, public address, bounded size. */
async function fetchRecording(recordingUrl: string): Promise<Uint8Array> {
  const { url } = await assertPublicUrl(recordingUrl, recordingResolver);
  if (url.protocol !== "https:" || !/(^|\.)signalwire\.com$/i.test(url.hostname))
    throw new Error(`refusing to fetch a recording from ${url.hostname}`);
  const e = env();
  const headers: Record<string, string> = {};
  if (isSignalWireConfigured(e))
    headers.authorization = `Basic ${Buffer.from(`${e.SIGNALWIRE_PROJECT_ID}:${e.SIGNALWIRE_API_TOKEN}`).toString("base64")}`;
  const response = await fetch(url, { headers, redirect: "error", signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`recording download failed: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_AUDIO_BYTES) throw new Error("recording too large to transcribe");
  return bytes;
}

/** Step 1: the words. A retried step finds the saved transcript and does not transcribe again. */
export async function transcribeVoicemail(tenantId: string, messageId: string, language: TLocale): Promise<{ transcript: string }> {
  const facts = await loadVoicemail(tenantId, messageId, language);
  if (facts.transcript !== null) return { transcript: facts.transcript };
  const ai = aiPort();
  const audio = facts.recordingUrl ? await fetchRecording(facts.recordingUrl) : null;
  const { text } = await ai.transcribe({ audio, filename: "voicemail.wav", language, spokenText: facts.spokenText });
  const transcript = text.trim();
  await withTenant(tenantId, async (db) => {
    await patchMetadata(db, messageId, { transcript, transcribedBy: ai.provider });
    if (facts.durationSeconds > 0) {
      await recordUsage(db, {
        kind: "AI_MINUTE",
        quantity: billableMinutes(facts.durationSeconds),
        idempotencyKey: `voicemail-transcription:${messageId}`,
        sourceType: "voicemail",
        sourceId: messageId,
        simulated: ai.provider === "local",
      });
    }
  });
  return { transcript };
}

/** Step 2: the summary, written onto the message so the inbox shows it (and search finds the words). */
export async function summarizeVoicemail(tenantId: string, messageId: string, language: TLocale): Promise<TVoicemailSummary> {
  const facts = await loadVoicemail(tenantId, messageId, language);
  if (facts.summary) return facts.summary;
  const transcript = facts.transcript ?? "";
  const summary: TVoicemailSummary = transcript
    ? await aiPort().summarize({ transcript, locale: facts.ownerLocale, businessName: facts.businessName })
    : {
        summary: translateNow(facts.ownerLocale, "notifications:voicemail.silent"),
        intent: "OTHER",
        urgency: "NORMAL",
        callbackRequested: true,
      };
  await withTenant(tenantId, async (db) => {
    const label = translateNow(facts.ownerLocale, "notifications:voicemail.bodyLabel", { duration: clock(facts.durationSeconds) });
    const body = transcript ? `${label} ${summary.summary}\n\n“${transcript}”` : `${label} ${summary.summary}`;
    const message = await patchMetadata(db, messageId, { summary }, body);
    // The thread's preview still says "transcribing…" when this is its latest message.
    await db.conversation.updateMany({
      where: { id: message.conversationId, lastMessageAt: message.createdAt },
      data: { lastMessagePreview: messagePreview(`${label} ${summary.summary}`) },
    });
    await announceInboxEvent(db, {
      kind: "message.updated",
      conversationId: message.conversationId,
      messageId,
      channel: "VOICEMAIL",
      direction: "INBOUND",
    });
  });
  return summary;
}

async function patchMetadata(
  db: Parameters<Parameters<typeof withTenant>[1]>[0],
  messageId: string,
  patch: Record<string, unknown>,
  body?: string,
) {
  const current = await db.message.findUniqueOrThrow({ where: { id: messageId }, select: { metadata: true } });
  return db.message.update({
    where: { id: messageId },
    data: {
      metadata: { ...((current.metadata ?? {}) as Record<string, unknown>), ...patch } as Prisma.InputJsonValue,
      ...(body !== undefined ? { body } : {}),
    },
    select: { conversationId: true, createdAt: true },
  });
}
