import * as React from "react";

import { cn } from "./cn";

export interface PageHeaderProps extends Omit<React.HTMLAttributes<HTMLElement>, "title"> {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons/links; stacked full-width on phones, inline on the right from `sm`. */
  actions?: React.ReactNode;
  /** Optional element above the title, e.g. a back link or breadcrumb. */
  backLink?: React.ReactNode;
  /** Heading level; h1 for the main page header. */
  titleAs?: "h1" | "h2";
}

export const PageHeader = React.forwardRef<HTMLElement, PageHeaderProps>(function PageHeader(
  { title, description, actions, backLink, titleAs: Heading = "h1", className, children, ...props },
  ref,
) {
  return (
    <header ref={ref} className={cn("flex flex-col gap-4 pb-4 sm:pb-6", className)} {...props}>
      {backLink ? <div className="-ml-1 text-sm">{backLink}</div> : null}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <Heading className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{title}</Heading>
          {description ? <p className="text-base text-slate-600 sm:text-sm">{description}</p> : null}
        </div>
        {actions ? (
          <div className="flex shrink-0 flex-col gap-2 sm:flex-row sm:items-center [&>*]:w-full sm:[&>*]:w-auto">{actions}</div>
        ) : null}
      </div>
      {children}
    </header>
  );
});
