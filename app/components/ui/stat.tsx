import * as React from "react";

import { cn } from "./cn";

export interface StatProps extends React.HTMLAttributes<HTMLDivElement> {
  label: React.ReactNode;
  /** Already formatted value (use Intl / i18n formatting before passing it in). */
  value: React.ReactNode;
  /** Secondary line, e.g. "+12% vs last month". */
  hint?: React.ReactNode;
  /** Decorative icon shown next to the label. */
  icon?: React.ReactNode;
}

/** A single metric rendered as a self-contained description list inside a card. */
export const Stat = React.forwardRef<HTMLDivElement, StatProps>(function Stat({ label, value, hint, icon, className, ...props }, ref) {
  return (
    <div ref={ref} className={cn("rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5", className)} {...props}>
      <dl className="flex flex-col gap-1">
        <dt className="flex items-center gap-2 text-sm font-medium text-slate-600">
          {icon ? (
            <span aria-hidden="true" className="inline-flex text-slate-600 [&_svg]:size-4">
              {icon}
            </span>
          ) : null}
          {label}
        </dt>
        <dd className="text-2xl font-semibold tabular-nums tracking-tight text-slate-900">{value}</dd>
        {hint ? <dd className="text-sm text-slate-600">{hint}</dd> : null}
      </dl>
    </div>
  );
});

export interface StatGroupProps extends React.HTMLAttributes<HTMLDivElement> {}

/** Responsive grid for Stats: 1 column on small phones, 2 on larger phones, up to 4 on desktop. */
export const StatGroup = React.forwardRef<HTMLDivElement, StatGroupProps>(function StatGroup({ className, ...props }, ref) {
  return <div ref={ref} className={cn("grid grid-cols-1 gap-3 min-[400px]:grid-cols-2 lg:grid-cols-4", className)} {...props} />;
});
