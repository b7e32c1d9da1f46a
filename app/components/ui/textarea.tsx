import * as React from "react";

import { CharacterCount, counterShows, describedBy, useCharacterCount } from "./character-count";
import { cn } from "./cn";
import { controlClasses } from "./input";

export interface TextareaProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {
  /** The field's limit: a counter near it, enforced by the server with a message (never a silent cut). */
  maxLength?: number;
}

export const Textarea = React.forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { className, rows = 4, maxLength, ...props },
  ref,
) {
  const counterId = `${React.useId()}-count`;
  const { count, onChange } = useCharacterCount<HTMLTextAreaElement>(maxLength, props);
  const showing = counterShows(count, maxLength);
  const textarea = (
    <textarea
      ref={ref}
      rows={rows}
      className={cn(controlClasses, "min-h-24 px-3 py-2.5 read-only:bg-slate-50", className)}
      {...props}
      onChange={onChange}
      aria-describedby={describedBy(props["aria-describedby"], counterId, showing)}
    />
  );
  if (maxLength === undefined) return textarea;
  return (
    <div className="flex w-full flex-col gap-1">
      {textarea}
      <CharacterCount id={counterId} count={count} max={maxLength} />
    </div>
  );
});
