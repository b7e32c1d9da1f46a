import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "./cn";

export const badgeVariants = cva(
  "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset [&_svg]:size-3.5 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        neutral: "bg-slate-100 text-slate-700 ring-slate-300",
        success: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
        warning: "bg-amber-50 text-amber-800 ring-amber-600/30",
        danger: "bg-red-50 text-red-800 ring-red-600/30",
        info: "bg-sky-50 text-sky-800 ring-sky-600/30",
        brand: "bg-brand-50 text-brand-800 ring-brand-600/30",
      },
    },
    defaultVariants: { variant: "neutral" },
  },
);

export type BadgeVariant = NonNullable<VariantProps<typeof badgeVariants>["variant"]>;

export interface BadgeProps extends React.HTMLAttributes<HTMLSpanElement>, VariantProps<typeof badgeVariants> {}

export const Badge = React.forwardRef<HTMLSpanElement, BadgeProps>(function Badge({ className, variant, ...props }, ref) {
  return <span ref={ref} className={cn(badgeVariants({ variant }), className)} {...props} />;
});
