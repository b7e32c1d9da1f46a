import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { CircleCheck, CircleX, Info, TriangleAlert, type LucideIcon } from "lucide-react";

import { cn } from "./cn";

export const alertVariants = cva("flex w-full gap-3 rounded-xl border p-4 text-sm", {
  variants: {
    variant: {
      info: "border-sky-200 bg-sky-50 text-sky-900 [&_[data-slot=alert-icon]]:text-sky-700",
      success: "border-emerald-200 bg-emerald-50 text-emerald-900 [&_[data-slot=alert-icon]]:text-emerald-700",
      warning: "border-amber-200 bg-amber-50 text-amber-900 [&_[data-slot=alert-icon]]:text-amber-700",
      danger: "border-red-200 bg-red-50 text-red-900 [&_[data-slot=alert-icon]]:text-red-700",
    },
  },
  defaultVariants: { variant: "info" },
});

export type AlertVariant = NonNullable<VariantProps<typeof alertVariants>["variant"]>;

const defaultIcons: Record<AlertVariant, LucideIcon> = {
  info: Info,
  success: CircleCheck,
  warning: TriangleAlert,
  danger: CircleX,
};

export interface AlertProps extends Omit<React.HTMLAttributes<HTMLDivElement>, "title">, VariantProps<typeof alertVariants> {
  /** Bold first line. */
  title?: React.ReactNode;
  /** Body text; `children` are rendered after it. */
  description?: React.ReactNode;
  /** Custom decorative icon, or `false` to hide it. Defaults to a per-variant icon. */
  icon?: React.ReactNode | false;
  /** Optional trailing element (e.g. a Button). */
  action?: React.ReactNode;
}

/** `role="alert"` (assertive) for danger, `role="status"` (polite) otherwise; override with `role`. */
export const Alert = React.forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { className, variant, title, description, icon, action, children, role, ...props },
  ref,
) {
  const resolved: AlertVariant = variant ?? "info";
  const DefaultIcon = defaultIcons[resolved];
  const iconNode =
    icon === false ? null : (
      <span data-slot="alert-icon" aria-hidden="true" className="mt-0.5 shrink-0 [&_svg]:size-5">
        {icon ?? <DefaultIcon />}
      </span>
    );

  return (
    <div
      ref={ref}
      role={role ?? (resolved === "danger" ? "alert" : "status")}
      data-variant={resolved}
      className={cn(alertVariants({ variant: resolved }), className)}
      {...props}
    >
      {iconNode}
      <div className="min-w-0 flex-1 space-y-1">
        {title != null && title !== false ? <AlertTitle>{title}</AlertTitle> : null}
        {description != null && description !== false ? <AlertDescription>{description}</AlertDescription> : null}
        {children}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
});

export interface AlertTitleProps extends React.HTMLAttributes<HTMLParagraphElement> {}

export const AlertTitle = React.forwardRef<HTMLParagraphElement, AlertTitleProps>(function AlertTitle({ className, ...props }, ref) {
  return <p ref={ref} className={cn("font-semibold leading-5", className)} {...props} />;
});

export interface AlertDescriptionProps extends React.HTMLAttributes<HTMLDivElement> {}

export const AlertDescription = React.forwardRef<HTMLDivElement, AlertDescriptionProps>(function AlertDescription(
  { className, ...props },
  ref,
) {
  return <div ref={ref} className={cn("leading-5 [&_p]:leading-5", className)} {...props} />;
});
