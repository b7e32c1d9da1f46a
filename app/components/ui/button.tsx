import * as React from "react";
import { Slot, Slottable } from "@radix-ui/react-slot";
import { cva, type VariantProps } from "class-variance-authority";
import { Loader2 } from "lucide-react";

import { cn, focusRing } from "./cn";

export const buttonVariants = cva(
  [
    "inline-flex select-none items-center justify-center gap-2 whitespace-nowrap rounded-lg font-medium",
    "transition-colors disabled:pointer-events-none disabled:opacity-60 aria-disabled:pointer-events-none aria-disabled:opacity-60",
    "[&_svg]:pointer-events-none [&_svg]:size-4 [&_svg]:shrink-0",
    focusRing,
  ],
  {
    variants: {
      variant: {
        primary: "bg-brand-600 text-white shadow-sm hover:bg-brand-700 active:bg-brand-800",
        secondary: "bg-slate-100 text-slate-900 hover:bg-slate-200 active:bg-slate-300",
        outline: "border border-slate-300 bg-white text-slate-900 shadow-sm hover:bg-slate-50 active:bg-slate-100",
        ghost: "text-slate-700 hover:bg-slate-100 hover:text-slate-900 active:bg-slate-200",
        danger: "bg-red-600 text-white shadow-sm hover:bg-red-700 active:bg-red-800",
        link: "text-brand-700 underline-offset-4 hover:underline",
      },
      // Every size keeps a >= 44px touch target on phones; desktop (sm+) may be more compact.
      size: {
        sm: "h-11 px-3 text-sm sm:h-9",
        md: "h-11 px-4 text-base sm:h-10 sm:text-sm",
        lg: "h-12 px-6 text-base",
        icon: "h-11 w-11 sm:h-10 sm:w-10",
      },
    },
    compoundVariants: [{ variant: "link", className: "px-1" }],
    defaultVariants: { variant: "primary", size: "md" },
  },
);

export type ButtonVariant = NonNullable<VariantProps<typeof buttonVariants>["variant"]>;
export type ButtonSize = NonNullable<VariantProps<typeof buttonVariants>["size"]>;

export interface ButtonProps extends React.ButtonHTMLAttributes<HTMLButtonElement>, VariantProps<typeof buttonVariants> {
  /** Render the single child element (e.g. a Remix `<Link>`) with button styling instead of a `<button>`. */
  asChild?: boolean;
  /** Shows a spinner, sets `aria-busy` and disables the button. */
  loading?: boolean;
  /** Optional (translated) text shown instead of the children while loading, e.g. "Saving…". */
  loadingText?: React.ReactNode;
}

export const Button = React.forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { className, variant, size, asChild = false, loading = false, loadingText, disabled, children, ...props },
  ref,
) {
  const isDisabled = Boolean(disabled || loading);
  const spinner = loading ? <Loader2 aria-hidden="true" className="animate-spin" data-slot="spinner" /> : null;
  const classes = cn(buttonVariants({ variant, size }), className);

  if (asChild) {
    // Links and other non-button elements cannot be `disabled`; expose the state with ARIA instead.
    return (
      <Slot
        ref={ref}
        className={classes}
        aria-busy={loading || undefined}
        aria-disabled={isDisabled || undefined}
        data-loading={loading || undefined}
        {...props}
      >
        {spinner}
        <Slottable>{children}</Slottable>
      </Slot>
    );
  }

  return (
    <button
      ref={ref}
      className={classes}
      disabled={isDisabled}
      aria-busy={loading || undefined}
      data-loading={loading || undefined}
      {...props}
    >
      {spinner}
      {loading && loadingText != null ? loadingText : children}
    </button>
  );
});
