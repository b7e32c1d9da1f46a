import * as React from "react";
import { CircleAlert } from "lucide-react";

import { cn } from "./cn";
import { Label } from "./label";

/** Props Field passes to its control so label, hint and error are announced together. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
}

export interface FieldProps extends Omit<React.HTMLAttributes<HTMLDivElement>, "children" | "id"> {
  /** Visible (translated) label text. */
  label: React.ReactNode;
  /** The form control. A single element gets id/aria props merged in; a function receives them. */
  children: React.ReactElement | ((control: FieldControlProps) => React.ReactNode);
  /** Helper text shown under the control. */
  hint?: React.ReactNode;
  /** Validation message; when present the control gets `aria-invalid`. */
  error?: React.ReactNode;
  /** Marks the control `aria-required` and shows a decorative asterisk next to the label. */
  required?: boolean;
  /** Keep the label for screen readers but hide it visually. */
  hideLabel?: boolean;
  /** Id for the control; generated with `React.useId` when omitted. */
  controlId?: string;
  labelClassName?: string;
}

function joinIds(...ids: Array<string | undefined | null | false>): string | undefined {
  const list = ids.flatMap((id) => (typeof id === "string" ? id.split(/\s+/) : [])).filter(Boolean);
  return list.length > 0 ? Array.from(new Set(list)).join(" ") : undefined;
}

function hasContent(node: React.ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== "";
}

export const Field = React.forwardRef<HTMLDivElement, FieldProps>(function Field(
  { label, children, hint, error, required, hideLabel, controlId, labelClassName, className, ...props },
  ref,
) {
  const generatedId = React.useId();
  const id = controlId ?? `${generatedId}-control`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const showHint = hasContent(hint);
  const showError = hasContent(error);

  const controlProps: FieldControlProps = {
    id,
    "aria-describedby": joinIds(showHint && hintId, showError && errorId),
    "aria-invalid": showError ? true : undefined,
    "aria-required": required ? true : undefined,
  };

  let control: React.ReactNode;
  if (typeof children === "function") {
    control = children(controlProps);
  } else if (React.isValidElement<Record<string, unknown>>(children)) {
    const own = children.props;
    control = React.cloneElement(children, {
      id: (own.id as string | undefined) ?? id,
      "aria-describedby": joinIds(own["aria-describedby"] as string | undefined, controlProps["aria-describedby"]),
      "aria-invalid": controlProps["aria-invalid"] ?? own["aria-invalid"],
      "aria-required": controlProps["aria-required"] ?? own["aria-required"],
    });
  } else {
    control = children;
  }

  const resolvedId =
    React.isValidElement<Record<string, unknown>>(children) && typeof children.props.id === "string" ? children.props.id : id;

  return (
    <div ref={ref} className={cn("flex flex-col gap-1.5", className)} data-invalid={showError || undefined} {...props}>
      <Label htmlFor={resolvedId} className={cn(hideLabel && "sr-only", labelClassName)}>
        {label}
        {required ? (
          <span aria-hidden="true" className="ml-0.5 text-red-700">
            *
          </span>
        ) : null}
      </Label>
      {control}
      {showHint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {showError ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
});
