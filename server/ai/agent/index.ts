/** The AI agent: one turn (SMS or voice) and the inbound-SMS answer. */
export { agentTurn, MAX_TOOL_ROUNDS, type TAgentTurnInput, type TAgentTurnResult } from "./agent-turn.server";
export { agentReplyKey, answerInboundSms, type TAnswerInboundSmsResult } from "./answer-inbound-sms.server";
export { detectLanguage } from "./language";
