import * as React from "react";
import * as ToggleGroupPrimitive from "@radix-ui/react-toggle-group";

import { cn, focusRing } from "./cn";

export interface SegmentedControlOption {
  value: string;
  /** Visible (translated) text. */
  label: React.ReactNode;
  /** Optional decorative icon shown before the label. */
  icon?: React.ReactNode;
  /** Accessible name when `label` is not plain text (e.g. icon only). */
  ariaLabel?: string;
  disabled?: boolean;
}

type ToggleGroupSingleRootProps = Omit<
  ToggleGroupPrimitive.ToggleGroupSingleProps,
  "type" | "value" | "defaultValue" | "onValueChange" | "children"
>;

export interface SegmentedControlProps extends ToggleGroupSingleRootProps {
  options: ReadonlyArray<SegmentedControlOption>;
  /** Accessible name for the group, e.g. t("settings.mode"). Use `aria-labelledby` instead if a visible label exists. */
  label?: string;
  value?: string;
  defaultValue?: string;
  /** Called with the newly selected value; deselecting the current segment is ignored. */
  onValueChange?: (value: string) => void;
  /** When set, a hidden input posts the selected value with plain HTML / Remix forms. */
  name?: string;
  /** Associates the hidden input with a form elsewhere in the document. */
  form?: string;
  size?: "sm" | "md";
  /** Stretch segments to fill the available width. */
  fullWidth?: boolean;
}

/** Single-choice switch between a few options (e.g. Simple / Advanced, EN / ES). */
export const SegmentedControl = React.forwardRef<React.ElementRef<typeof ToggleGroupPrimitive.Root>, SegmentedControlProps>(
  function SegmentedControl(
    {
      options,
      label,
      value: valueProp,
      defaultValue,
      onValueChange,
      name,
      form,
      size = "md",
      fullWidth = false,
      className,
      disabled,
      ...props
    },
    ref,
  ) {
    const [uncontrolled, setUncontrolled] = React.useState(defaultValue ?? "");
    const isControlled = valueProp !== undefined;
    const value = isControlled ? valueProp : uncontrolled;

    const handleChange = (next: string) => {
      // Radix allows clearing a single toggle group; a segmented control always keeps one selection.
      if (!next) return;
      if (!isControlled) setUncontrolled(next);
      onValueChange?.(next);
    };

    return (
      <>
        <ToggleGroupPrimitive.Root
          ref={ref}
          type="single"
          value={value}
          onValueChange={handleChange}
          disabled={disabled}
          aria-label={props["aria-labelledby"] ? undefined : label}
          className={cn("inline-flex max-w-full items-center gap-1 rounded-xl bg-slate-100 p-1", fullWidth && "flex w-full", className)}
          {...props}
        >
          {options.map((option) => (
            <ToggleGroupPrimitive.Item
              key={option.value}
              value={option.value}
              disabled={option.disabled}
              aria-label={option.ariaLabel}
              className={cn(
                "inline-flex min-h-11 items-center justify-center gap-2 whitespace-nowrap rounded-lg px-3 font-medium text-slate-600 transition-colors",
                size === "sm" ? "text-sm sm:min-h-8" : "text-sm sm:min-h-9",
                fullWidth && "flex-1",
                "hover:text-slate-900 disabled:pointer-events-none disabled:opacity-50",
                "data-[state=on]:bg-white data-[state=on]:text-slate-900 data-[state=on]:shadow-sm",
                "[&_svg]:size-4 [&_svg]:shrink-0",
                focusRing,
              )}
            >
              {option.icon ? (
                <span aria-hidden="true" className="inline-flex">
                  {option.icon}
                </span>
              ) : null}
              {option.label}
            </ToggleGroupPrimitive.Item>
          ))}
        </ToggleGroupPrimitive.Root>
        {name ? <input type="hidden" name={name} value={value} form={form} disabled={disabled} /> : null}
      </>
    );
  },
);
