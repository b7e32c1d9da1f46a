import * as React from "react";

import { cn } from "./cn";

export interface EmptyStateProps extends Omit<React.HTMLAttributes<HTMLDivElement>, "title"> {
  /** Decorative icon, e.g. `<Inbox />` from lucide-react. */
  icon?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Call to action, typically a Button (or several). */
  action?: React.ReactNode;
  /** Heading level for the title. */
  titleAs?: "h2" | "h3" | "h4";
}

export const EmptyState = React.forwardRef<HTMLDivElement, EmptyStateProps>(function EmptyState(
  { icon, title, description, action, titleAs: Heading = "h3", className, children, ...props },
  ref,
) {
  return (
    <div
      ref={ref}
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-xl border border-dashed border-slate-300 bg-white px-4 py-10 text-center sm:px-6 sm:py-12",
        className,
      )}
      {...props}
    >
      {icon ? (
        <div aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-700 [&_svg]:size-6">
          {icon}
        </div>
      ) : null}
      <div className="max-w-sm space-y-1">
        <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
        {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      </div>
      {children}
      {action ? <div className="mt-2 flex w-full flex-col gap-2 sm:w-auto sm:flex-row [&>*]:w-full sm:[&>*]:w-auto">{action}</div> : null}
    </div>
  );
});
