import * as React from "react";

import { CharacterCount, counterShows, describedBy, useCharacterCount } from "./character-count";
import { cn } from "./cn";

/**
 * Classes shared by text-like form controls. 16px text on phones prevents iOS zoom-on-focus;
 * the slate-500 border keeps >= 3:1 contrast against white (WCAG 1.4.11).
 */
export const controlClasses = cn(
  "block w-full rounded-lg border border-slate-500 bg-white text-base text-slate-900 shadow-sm sm:text-sm",
  "placeholder:text-slate-500",
  "focus-visible:border-brand-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 focus-visible:ring-offset-white",
  "disabled:cursor-not-allowed disabled:border-slate-300 disabled:bg-slate-50 disabled:text-slate-600",
  "aria-[invalid=true]:border-red-600 aria-[invalid=true]:focus-visible:ring-red-600",
);

export interface InputProps extends React.InputHTMLAttributes<HTMLInputElement> {
  /**
   * The field's limit. Shown as a counter near it and enforced by the server with a message;
   * never passed to the browser, whose maxLength cuts pasted text without a word.
   */
  maxLength?: number;
}

export const Input = React.forwardRef<HTMLInputElement, InputProps>(function Input({ className, type = "text", maxLength, ...props }, ref) {
  const counterId = `${React.useId()}-count`;
  const { count, onChange } = useCharacterCount<HTMLInputElement>(maxLength, props);
  const showing = counterShows(count, maxLength);
  const input = (
    <input
      ref={ref}
      type={type}
      className={cn(
        controlClasses,
        "h-11 px-3 read-only:bg-slate-50 sm:h-10",
        "file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-slate-900",
        className,
      )}
      {...props}
      onChange={onChange}
      aria-describedby={describedBy(props["aria-describedby"], counterId, showing)}
    />
  );
  if (maxLength === undefined) return input;
  return (
    <div className="flex w-full flex-col gap-1">
      {input}
      <CharacterCount id={counterId} count={count} max={maxLength} />
    </div>
  );
});
