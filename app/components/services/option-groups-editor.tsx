import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Field, Input, NativeSelect, SegmentedControl } from "~/components/ui";
import { MAX_CHOICES, MAX_GROUPS, newUid, type DraftChoice, type DraftGroup } from "./option-draft";
import { OPTION_NAME_MAX } from "#server/catalog/options";

const emptyChoice = (): DraftChoice => ({ uid: newUid(), key: null, nameEn: "", nameEs: "", price: "0", minutes: "0" });

/**
 * Option groups (vehicle size, add-ons) with their choices. Holds the draft in state and
 * posts it as JSON in `name`; amounts stay as typed until the action converts them.
 */
export function OptionGroupsEditor({
  name,
  initial,
  errorAt,
}: {
  name: string;
  initial: DraftGroup[];
  errorAt: (path: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation("dashboard");
  const shown = (x: { nameEn: string; nameEs: string }) =>
    i18n.language === "es" ? x.nameEs.trim() || x.nameEn.trim() : x.nameEn.trim() || x.nameEs.trim();
  const [groups, setGroups] = useState<DraftGroup[]>(initial);
  const setGroup = (uid: string, patch: (g: DraftGroup) => DraftGroup) => setGroups((gs) => gs.map((g) => (g.uid === uid ? patch(g) : g)));
  const setChoice = (guid: string, cuid: string, patch: Partial<DraftChoice>) =>
    setGroup(guid, (g) => ({ ...g, choices: g.choices.map((c) => (c.uid === cuid ? { ...c, ...patch } : c)) }));

  return (
    <div className="space-y-4">
      <input type="hidden" name={name} value={JSON.stringify(groups)} />
      {groups.length === 0 ? <p className="text-sm text-slate-600">{t("services.groups.empty")}</p> : null}
      {errorAt("optionGroups") ? <p className="text-sm text-red-700">{errorAt("optionGroups")}</p> : null}
      <ol className="space-y-4">
        {groups.map((g, gi) => (
          <li key={g.uid} className="rounded-xl border border-slate-200 bg-slate-50 p-3 sm:p-4">
            <fieldset className="space-y-3">
              <div className="flex items-center justify-between gap-2">
                <legend className="font-semibold text-slate-900">{shown(g) || t("services.groups.group", { number: gi + 1 })}</legend>
                <Button type="button" variant="ghost" size="sm" onClick={() => setGroups((gs) => gs.filter((x) => x.uid !== g.uid))}>
                  <Trash2 aria-hidden /> {t("services.groups.remove")}
                </Button>
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field
                  label={t("services.groups.nameEn")}
                  error={errorAt(`optionGroups.${gi}.name.en`) ?? errorAt(`optionGroups.${gi}.name`)}
                >
                  <Input
                    value={g.nameEn}
                    required
                    maxLength={OPTION_NAME_MAX}
                    onChange={(e) => setGroup(g.uid, (x) => ({ ...x, nameEn: e.target.value }))}
                  />
                </Field>
                <Field label={t("services.groups.nameEs")} error={errorAt(`optionGroups.${gi}.name.es`)}>
                  <Input
                    value={g.nameEs}
                    required
                    maxLength={OPTION_NAME_MAX}
                    lang="es"
                    onChange={(e) => setGroup(g.uid, (x) => ({ ...x, nameEs: e.target.value }))}
                  />
                </Field>
              </div>
              <div className="grid gap-3 sm:grid-cols-2 sm:items-end">
                <div className="space-y-1.5">
                  <p className="text-sm font-medium text-slate-900" id={`${g.uid}-kind`}>
                    {t("services.groups.kind")}
                  </p>
                  <SegmentedControl
                    aria-labelledby={`${g.uid}-kind`}
                    fullWidth
                    value={g.kind}
                    onValueChange={(v) => setGroup(g.uid, (x) => ({ ...x, kind: v === "MULTI" ? "MULTI" : "SINGLE" }))}
                    options={[
                      { value: "SINGLE", label: t("services.groups.single") },
                      { value: "MULTI", label: t("services.groups.multi") },
                    ]}
                  />
                </div>
                {g.kind === "SINGLE" ? (
                  <Field label={t("services.groups.default")} error={errorAt(`optionGroups.${gi}.defaultChoiceKey`)}>
                    <NativeSelect
                      value={g.defaultUid ?? ""}
                      onChange={(e) => setGroup(g.uid, (x) => ({ ...x, defaultUid: e.target.value || null }))}
                    >
                      <option value="">{t("services.groups.noDefault")}</option>
                      {g.choices.map((c, ci) => (
                        <option key={c.uid} value={c.uid}>
                          {shown(c) || `#${ci + 1}`}
                        </option>
                      ))}
                    </NativeSelect>
                  </Field>
                ) : null}
              </div>
              {errorAt(`optionGroups.${gi}.choices`) ? (
                <p className="text-sm text-red-700">{errorAt(`optionGroups.${gi}.choices`)}</p>
              ) : null}
              <ul className="space-y-3">
                {g.choices.map((c, ci) => {
                  const at = `optionGroups.${gi}.choices.${ci}`;
                  return (
                    <li
                      key={c.uid}
                      className="grid grid-cols-2 gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-[1fr_1fr_7rem_6rem_auto] sm:items-end"
                    >
                      <Field
                        className="col-span-2 sm:col-span-1"
                        label={t("services.choices.nameEn")}
                        error={errorAt(`${at}.name.en`) ?? errorAt(`${at}.name`)}
                      >
                        <Input
                          value={c.nameEn}
                          required
                          maxLength={OPTION_NAME_MAX}
                          onChange={(e) => setChoice(g.uid, c.uid, { nameEn: e.target.value })}
                        />
                      </Field>
                      <Field className="col-span-2 sm:col-span-1" label={t("services.choices.nameEs")} error={errorAt(`${at}.name.es`)}>
                        <Input
                          value={c.nameEs}
                          required
                          maxLength={OPTION_NAME_MAX}
                          lang="es"
                          onChange={(e) => setChoice(g.uid, c.uid, { nameEs: e.target.value })}
                        />
                      </Field>
                      <Field label={t("services.choices.price")} error={errorAt(`${at}.priceDeltaCents`)}>
                        <Input value={c.price} inputMode="decimal" onChange={(e) => setChoice(g.uid, c.uid, { price: e.target.value })} />
                      </Field>
                      <Field label={t("services.choices.minutes")} error={errorAt(`${at}.durationDeltaMinutes`)}>
                        <Input
                          value={c.minutes}
                          inputMode="numeric"
                          onChange={(e) => setChoice(g.uid, c.uid, { minutes: e.target.value })}
                        />
                      </Field>
                      <Button
                        type="button"
                        variant="ghost"
                        size="icon"
                        className="col-span-2 w-full sm:col-span-1 sm:w-10"
                        aria-label={t("services.choices.remove")}
                        title={t("services.choices.remove")}
                        onClick={() =>
                          setGroup(g.uid, (x) => ({
                            ...x,
                            defaultUid: x.defaultUid === c.uid ? null : x.defaultUid,
                            choices: x.choices.filter((y) => y.uid !== c.uid),
                          }))
                        }
                      >
                        <Trash2 aria-hidden /> <span className="sm:hidden">{t("services.choices.remove")}</span>
                      </Button>
                    </li>
                  );
                })}
              </ul>
              {g.choices.length < MAX_CHOICES ? (
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  onClick={() => setGroup(g.uid, (x) => ({ ...x, choices: [...x.choices, emptyChoice()] }))}
                >
                  <Plus aria-hidden /> {t("services.choices.add")}
                </Button>
              ) : (
                <p className="text-sm text-slate-600">{t("services.choices.limit", { count: MAX_CHOICES })}</p>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {groups.length < MAX_GROUPS ? (
        <Button
          type="button"
          variant="outline"
          onClick={() => {
            const first = emptyChoice();
            setGroups((gs) => [
              ...gs,
              { uid: newUid(), key: null, nameEn: "", nameEs: "", kind: "SINGLE", defaultUid: first.uid, choices: [first] },
            ]);
          }}
        >
          <Plus aria-hidden /> {t("services.groups.add")}
        </Button>
      ) : (
        <p className="text-sm text-slate-600">{t("services.groups.limit", { count: MAX_GROUPS })}</p>
      )}
    </div>
  );
}
