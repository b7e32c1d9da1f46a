import { translateNow } from "../i18n/translate.server";
import type { TLocale } from "../i18n/localized-text";

/**
 * Email bodies in English and Spanish from the `notifications` namespace. Values are
 * escaped for HTML; the text part is the same content without markup.
 */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export interface EmailLayout {
  locale: TLocale;
  businessName: string;
  brandColor?: string;
  subject: string;
  heading?: string;
  lines: string[];
  action?: { label: string; url: string };
}

/** One simple, readable layout for every email (inline styles: email clients ignore stylesheets). */
export function renderLayout(l: EmailLayout): RenderedEmail {
  const color = /^#[0-9a-fA-F]{6}$/.test(l.brandColor ?? "") ? l.brandColor! : "#1d5ef1";
  const footer = translateNow(l.locale, "notifications:footer", { businessName: l.businessName });
  const text = [l.heading, ...l.lines, l.action ? `${l.action.label}: ${l.action.url}` : null, "", footer]
    .filter((x) => x !== null && x !== undefined)
    .join("\n");
  const html = `<!doctype html><html lang="${l.locale}"><body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:24px">
<p style="margin:0 0 16px;font-weight:600;color:${color}">${escapeHtml(l.businessName)}</p>
${l.heading ? `<h1 style="margin:0 0 12px;font-size:22px">${escapeHtml(l.heading)}</h1>` : ""}
${l.lines.map((line) => `<p style="margin:0 0 10px;line-height:1.5">${escapeHtml(line)}</p>`).join("\n")}
${l.action ? `<p style="margin:20px 0"><a href="${escapeHtml(l.action.url)}" style="display:inline-block;background:${color};color:#fff;text-decoration:none;padding:12px 18px;border-radius:8px;font-weight:600">${escapeHtml(l.action.label)}</a></p>` : ""}
<p style="margin:24px 0 0;font-size:12px;color:#64748b">${escapeHtml(footer)}</p>
</div></body></html>`;
  return { subject: l.subject, text, html };
}

/** A translated line; a shorthand for the templates. */
/**
 * A `notifications` string. A sentence that ends on a value which itself ends with a period
 * ("... 12:00 p.m." in Spanish dates) would print two; collapse exactly two into one.
 */
export const tidySentence = (text: string): string => text.replace(/(?<!\.)\.\.(?!\.)/g, ".");
export const tr = (locale: TLocale, key: string, params: Record<string, unknown> = {}) =>
  tidySentence(translateNow(locale, `notifications:${key}`, params));
