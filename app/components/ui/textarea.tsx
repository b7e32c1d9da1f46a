import * as React from "react";

import { cn } from "./cn";
import { controlClasses } from "./input";

export interface TextareaProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {}

export const Textarea = React.forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea({ className, rows = 4, ...props }, ref) {
  return (
    <textarea ref={ref} rows={rows} className={cn(controlClasses, "min-h-24 px-3 py-2.5 read-only:bg-slate-50", className)} {...props} />
  );
});
