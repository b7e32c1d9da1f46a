import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { Loader2 } from "lucide-react";

import { cn } from "./cn";

export const spinnerVariants = cva("animate-spin text-brand-600", {
  variants: {
    size: { sm: "size-4", md: "size-6", lg: "size-8" },
  },
  defaultVariants: { size: "md" },
});

export interface SpinnerProps extends Omit<React.HTMLAttributes<HTMLSpanElement>, "children">, VariantProps<typeof spinnerVariants> {
  /** Screen-reader text such as t("common.loading"). Without it the spinner is purely decorative. */
  label?: string;
  iconClassName?: string;
}

export const Spinner = React.forwardRef<HTMLSpanElement, SpinnerProps>(function Spinner(
  { label, size, className, iconClassName, ...props },
  ref,
) {
  return (
    <span
      ref={ref}
      role={label ? "status" : undefined}
      aria-hidden={label ? undefined : true}
      className={cn("inline-flex items-center justify-center", className)}
      {...props}
    >
      <Loader2 aria-hidden="true" className={cn(spinnerVariants({ size }), iconClassName)} />
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
});
