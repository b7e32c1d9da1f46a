import { Plus, X } from "lucide-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Input } from "~/components/ui";
import { FIELD_LIMITS } from "#server/customers/customer-fields";

/**
 * A list of short texts (a detailer's vehicles, a groomer's pets): one input per item, each
 * posted as `name`. Adding focuses the new input; removing focuses the add button.
 */
export function ListFieldEditor({
  name,
  label,
  values,
  errorFor,
  disabled,
}: {
  name: string;
  label: string;
  values: string[];
  errorFor: (index: number) => string | undefined;
  disabled?: boolean;
}) {
  const { t } = useTranslation("customers");
  const [items, setItems] = useState(() => (values.length ? values.map((v, i) => ({ id: i, value: v })) : [{ id: 0, value: "" }]));
  const nextId = useRef(items.length);
  const listRef = useRef<HTMLUListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  const add = () => {
    const id = nextId.current++;
    setItems((xs) => [...xs, { id, value: "" }]);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>(`[data-item="${id}"]`)?.focus());
  };
  const remove = (id: number) => {
    setItems((xs) => (xs.length > 1 ? xs.filter((x) => x.id !== id) : [{ id: nextId.current++, value: "" }]));
    addRef.current?.focus();
  };

  return (
    <div className="space-y-2">
      <ul ref={listRef} className="space-y-2">
        {items.map((item, i) => {
          const error = errorFor(i);
          const errorId = `${name}-${item.id}-error`;
          return (
            <li key={item.id}>
              <div className="flex items-center gap-2">
                <Input
                  name={name}
                  data-item={item.id}
                  defaultValue={item.value}
                  maxLength={FIELD_LIMITS.listItemLength}
                  disabled={disabled}
                  aria-label={t("form.listItem", { field: label, number: i + 1 })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  placeholder={i === 0 ? t("form.listPlaceholder") : undefined}
                />
                {!disabled ? (
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    onClick={() => remove(item.id)}
                    aria-label={t("form.removeItem", { field: label, number: i + 1 })}
                  >
                    <X />
                  </Button>
                ) : null}
              </div>
              {error ? (
                <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {!disabled ? (
        <Button ref={addRef} type="button" variant="outline" size="sm" onClick={add}>
          <Plus /> {t("form.addItem", { field: label })}
        </Button>
      ) : null}
    </div>
  );
}
