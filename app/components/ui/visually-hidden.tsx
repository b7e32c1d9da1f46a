import * as React from "react";
import { Slot } from "@radix-ui/react-slot";

import { cn } from "./cn";

export interface VisuallyHiddenProps extends React.HTMLAttributes<HTMLSpanElement> {
  /** Apply to the single child element instead of rendering a <span>. */
  asChild?: boolean;
  /** Become visible when focused (e.g. a "skip to content" link). */
  focusable?: boolean;
}

/** Content for screen readers only. */
export const VisuallyHidden = React.forwardRef<HTMLSpanElement, VisuallyHiddenProps>(function VisuallyHidden(
  { asChild, focusable, className, ...props },
  ref,
) {
  const Comp = asChild ? Slot : "span";
  return <Comp ref={ref} className={cn("sr-only", focusable && "focus:not-sr-only", className)} {...props} />;
});
