import * as React from "react";

import { cn } from "./cn";

export interface SkeletonProps extends React.HTMLAttributes<HTMLDivElement> {}

/** Decorative loading placeholder; pair it with a Spinner label or `aria-busy` on the region for screen readers. */
export const Skeleton = React.forwardRef<HTMLDivElement, SkeletonProps>(function Skeleton({ className, ...props }, ref) {
  return (
    <div
      ref={ref}
      aria-hidden="true"
      className={cn("animate-pulse rounded-lg bg-slate-200 motion-reduce:animate-none", className)}
      {...props}
    />
  );
});
