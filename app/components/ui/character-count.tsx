import * as React from "react";
import { useTranslation } from "react-i18next";
import { textLength } from "#server/validation/clean-text";

import { cn } from "./cn";

/** The counter appears from this share of the limit on (and stays when over it). */
const SHOW_FROM = 0.8;

type ChangeHandler<E> = React.ChangeEventHandler<E> | undefined;

/**
 * Counts what a control holds, controlled or not, the way the server counts (code points
 * after NFC), so "118/120" here means the same as the server's "at most 120 characters".
 */
export function useCharacterCount<E extends HTMLInputElement | HTMLTextAreaElement>(
  max: number | undefined,
  props: { value?: unknown; defaultValue?: unknown; onChange?: ChangeHandler<E> },
) {
  const controlled = props.value !== undefined;
  const [typed, setTyped] = React.useState(() => textLength(String(props.defaultValue ?? "")));
  const count = controlled ? textLength(String(props.value ?? "")) : typed;
  const { onChange } = props;
  const handleChange = React.useCallback<React.ChangeEventHandler<E>>(
    (event) => {
      if (max !== undefined && !controlled) setTyped(textLength(event.currentTarget.value));
      onChange?.(event);
    },
    [controlled, max, onChange],
  );
  return { count, onChange: max === undefined ? onChange : handleChange };
}

/** "118/120" under a control near its limit; red (with the limit said in words for screen readers) when over it. */
export function CharacterCount({ id, count, max, className }: { id: string; count: number; max: number; className?: string }) {
  const { t } = useTranslation("common");
  if (count < Math.floor(max * SHOW_FROM)) return null;
  const over = count > max;
  return (
    <p
      id={id}
      data-character-count
      className={cn("self-end text-xs tabular-nums", over ? "font-medium text-red-700" : "text-slate-600", className)}
      aria-live="polite"
    >
      <span aria-hidden="true">
        {count}/{max}
      </span>
      <span className="sr-only">{t(over ? "characterCount.over" : "characterCount.used", { count, max })}</span>
    </p>
  );
}

/** Adds the counter's id to a control's aria-describedby while the counter shows. */
export function describedBy(own: string | undefined, counterId: string, showing: boolean): string | undefined {
  if (!showing) return own;
  return [own, counterId].filter(Boolean).join(" ");
}

export const counterShows = (count: number, max: number | undefined) => max !== undefined && count >= Math.floor(max * SHOW_FROM);
