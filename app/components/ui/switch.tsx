import * as React from "react";
import * as SwitchPrimitive from "@radix-ui/react-switch";

import { cn, focusRing } from "./cn";

export interface SwitchProps extends React.ComponentPropsWithoutRef<typeof SwitchPrimitive.Root> {
  /**
   * Inside a form Radix renders a hidden checkbox, so `name` posts `value` (default "on") when
   * checked and nothing when unchecked. Set `uncheckedValue` to also post a value when off
   * (`formData.get(name)` then returns `value` or `uncheckedValue`).
   */
  uncheckedValue?: string;
}

export const Switch = React.forwardRef<React.ElementRef<typeof SwitchPrimitive.Root>, SwitchProps>(function Switch(
  { className, uncheckedValue, ...props },
  ref,
) {
  const { name, form, disabled } = props;
  return (
    <>
      <SwitchPrimitive.Root
        ref={ref}
        className={cn(
          // 28px tall visually; the ::before overlay extends the touch target to 44px.
          "relative inline-flex h-7 w-12 shrink-0 cursor-pointer items-center rounded-full border-2 border-transparent transition-colors",
          "before:absolute before:-inset-2 before:content-['']",
          "data-[state=checked]:bg-brand-600 data-[state=unchecked]:bg-slate-500",
          "disabled:cursor-not-allowed disabled:opacity-50",
          focusRing,
          className,
        )}
        {...props}
      >
        <SwitchPrimitive.Thumb
          className={cn(
            "pointer-events-none block size-6 rounded-full bg-white shadow-md ring-0 transition-transform",
            "data-[state=checked]:translate-x-5 data-[state=unchecked]:translate-x-0",
          )}
        />
      </SwitchPrimitive.Root>
      {name && uncheckedValue !== undefined ? (
        // Comes after Radix's checkbox so a checked value is the first entry for `name`.
        <input type="hidden" name={name} value={uncheckedValue} form={form} disabled={disabled} />
      ) : null}
    </>
  );
});
