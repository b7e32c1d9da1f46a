import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Link, useFetcher, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { ArrowLeft, MessagesSquare, Phone } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { INBOX_TEXT_LIMITS, REPLY_CHANNELS, type TReplyChannel } from "#server/conversations/conversations.types";
import { formatPhone } from "#server/customers/phone";
import { can } from "#server/tenants/roles";
import { CustomerAvatar } from "~/components/inbox/customer-avatar";
import { MessageThread } from "~/components/inbox/message-thread";
import { ReplyBox, type TReplyResult } from "~/components/inbox/reply-box";
import { Alert, Button, EmptyState, NativeSelect, Switch } from "~/components/ui";
import { actionFailure } from "~/lib/api.server";
import { requireMember } from "~/lib/dashboard.server";
import { zPattern, zText } from "#server/validation/text";

const PAGE = 50;
const MAX_PAGE = 200;

/** One thread: messages (newest last), who it is assigned to, the AI switch, the reply box. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caller, current, user, locale } = await requireMember(request);
  const url = new URL(request.url);
  const limit = Math.min(Math.max(Number(url.searchParams.get("messages")) || PAGE, PAGE), MAX_PAGE);
  const thread = await caller.inbox.get({ conversationId: String(params.conversationId ?? ""), limit }).catch((error: unknown) => {
    if ((error as { code?: string }).code === "NOT_FOUND") throw new Response("Not found", { status: 404 });
    throw error;
  });
  return { thread, limit, canManageAi: can(current.role, "ai.manage"), locale, me: user.id, now: new Date().toISOString() };
}

const ZIntent = z.discriminatedUnion("intent", [
  // Text is checked again by inbox.reply; parsing it here gives the same field errors before any call.
  z.object({
    intent: z.literal("reply"),
    channel: z.enum(REPLY_CHANNELS),
    body: zText({ min: 1, max: INBOX_TEXT_LIMITS.body, multiline: true }),
    subject: zText({ max: INBOX_TEXT_LIMITS.subject }).optional(),
  }),
  z.object({ intent: z.literal("assign"), userId: zPattern(/^[A-Za-z0-9_-]{0,64}$/) }),
  z.object({ intent: z.literal("ai"), enabled: z.enum(["true", "false"]) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { caller, locale } = await requireMember(request);
  const conversationId = String(params.conversationId ?? "");
  const form = Object.fromEntries(await request.formData());
  try {
    const input = ZIntent.parse(form);
    switch (input.intent) {
      case "reply": {
        const message = await caller.inbox.reply({
          conversationId,
          channel: input.channel,
          body: input.body,
          subject: input.subject || undefined,
        });
        return data({ ok: true as const, intent: input.intent, status: message.status } satisfies TReplyResult);
      }
      case "assign":
        await caller.inbox.assign({ conversationId, userId: input.userId || null });
        break;
      case "ai":
        await caller.inbox.setAiEnabled({ conversationId, enabled: input.enabled === "true" });
        break;
    }
    return data({ ok: true as const, intent: input.intent } satisfies TReplyResult);
  } catch (error) {
    const failure = actionFailure(error, locale);
    return data(
      {
        ok: false as const,
        intent: String(form.intent ?? ""),
        error: { message: failure.error.message, fields: failure.error.fields },
      } satisfies TReplyResult,
      { status: failure.error.status },
    );
  }
}

export default function ConversationPage() {
  const { thread, limit, canManageAi, locale, me, now } = useLoaderData<typeof loader>();
  const { conversation, messages, members, timeZone } = thread;
  const { customer } = conversation;
  const { t } = useTranslation("inbox");
  const { search, hash } = useLocation();
  const settings = useFetcher<TReplyResult>({ key: `settings-${conversation.id}` });
  const assignId = useId();
  const aiId = useId();
  const bottom = useRef<HTMLDivElement>(null);
  const lastId = messages.at(-1)?.id;

  // Land on the newest message (or on the one a search result points at), and follow new ones.
  useEffect(() => {
    const target = hash ? document.getElementById(hash.slice(1)) : null;
    (target ?? bottom.current)?.scrollIntoView({ block: target ? "center" : "end" });
  }, [conversation.id, lastId, hash]);

  const lastInbound = [...messages].reverse().find((m) => m.direction === "INBOUND" && (m.channel === "SMS" || m.channel === "EMAIL"));
  const defaultChannel: TReplyChannel =
    lastInbound?.channel === "EMAIL" && customer.email ? "EMAIL" : customer.phone ? "SMS" : customer.email ? "EMAIL" : "NOTE";
  const pendingAssign = settings.formData?.get("intent") === "assign" ? String(settings.formData.get("userId") ?? "") : null;
  const pendingAi = settings.formData?.get("intent") === "ai" ? settings.formData.get("enabled") === "true" : null;
  const aiEnabled = pendingAi ?? conversation.aiEnabled;
  const settingsError = settings.data && !settings.data.ok ? settings.data.error.message : null;
  const moreParams = new URLSearchParams(search);
  moreParams.set("messages", String(Math.min(limit + PAGE, MAX_PAGE)));

  return (
    <section
      aria-labelledby="thread-title"
      className="flex min-h-0 min-w-0 flex-col lg:overflow-hidden lg:rounded-2xl lg:border lg:border-slate-200 lg:bg-white"
    >
      <header className="space-y-3 border-b border-slate-200 pb-3 lg:px-4 lg:pt-3">
        <Link
          to={`/dashboard/inbox${search}`}
          className="-ml-1 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-slate-700 hover:text-slate-900 lg:hidden"
        >
          <ArrowLeft aria-hidden className="size-4" /> {t("thread.back")}
        </Link>
        <div className="flex items-center gap-3">
          <CustomerAvatar id={customer.id} name={customer.name} />
          <div className="min-w-0 flex-1">
            <h2 id="thread-title" className="truncate text-lg font-semibold text-slate-900">
              {customer.name}
            </h2>
            <p className="truncate text-sm text-slate-600">{[formatPhone(customer.phone), customer.email].filter(Boolean).join(" · ")}</p>
          </div>
          {customer.phone ? (
            <Button asChild variant="outline" size="icon" aria-label={t("thread.call", { phone: formatPhone(customer.phone) })}>
              <a href={`tel:${customer.phone}`}>
                <Phone aria-hidden />
              </a>
            </Button>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3" aria-label={t("thread.details")} role="group">
          <div className="flex min-w-0 items-center gap-2">
            <label htmlFor={assignId} className="shrink-0 text-sm font-medium text-slate-700">
              {t("thread.assign")}
            </label>
            <NativeSelect
              id={assignId}
              value={pendingAssign ?? conversation.assignedUserId ?? ""}
              onChange={(e) => settings.submit({ intent: "assign", userId: e.currentTarget.value }, { method: "post" })}
              wrapperClassName="w-44"
              data-testid="assign-select"
            >
              <option value="">{t("thread.unassigned")}</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.userId === me ? `${m.name} (${t("you")})` : m.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex items-center gap-3">
            <Switch
              id={aiId}
              checked={aiEnabled}
              disabled={!canManageAi}
              onCheckedChange={(on) => settings.submit({ intent: "ai", enabled: String(on) }, { method: "post" })}
              aria-describedby={`${aiId}-hint`}
              data-testid="ai-switch"
            />
            <label htmlFor={aiId} className="text-sm font-medium text-slate-700">
              {t("thread.ai")}
            </label>
          </div>
          <p id={`${aiId}-hint`} className="basis-full text-xs text-slate-500">
            {aiEnabled ? t("thread.aiOn") : t("thread.aiOff")} {!canManageAi ? t("thread.aiReadOnly") : null}
          </p>
        </div>
        {settingsError ? <Alert variant="danger" description={settingsError} /> : null}
      </header>

      <div className="min-h-0 flex-1 py-4 lg:overflow-y-auto lg:px-4" data-testid="thread-messages">
        {thread.olderCursor ? (
          <div className="mb-4 flex justify-center">
            <Button asChild variant="ghost" size="sm">
              <Link to={`?${moreParams}`} preventScrollReset>
                {t("loadOlder")}
              </Link>
            </Button>
          </div>
        ) : null}
        <MessageThread messages={messages} customerName={customer.name} timeZone={timeZone} locale={locale} now={now} me={me} />
        <div ref={bottom} />
      </div>

      <div className="sticky bottom-0 -mx-4 border-t border-slate-200 bg-white/95 px-4 pb-[max(0.75rem,env(safe-area-inset-bottom))] pt-3 backdrop-blur sm:-mx-6 sm:px-6 lg:static lg:mx-0 lg:px-4">
        <ReplyBox conversationId={conversation.id} customer={customer} defaultChannel={defaultChannel} />
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("inbox");
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <EmptyState
      icon={<MessagesSquare />}
      title={notFound ? t("errors.conversationNotFound") : t("common:error.title")}
      action={
        <Button asChild variant="outline">
          <Link to="/dashboard/inbox">{t("thread.back")}</Link>
        </Button>
      }
      className="h-full"
    />
  );
}
