import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { quote, type TOptionSelection } from "#server/catalog/options";
import { Alert, cn } from "~/components/ui";
import { clientErrorOf, trpc } from "~/lib/trpc";
import { defaultSelection, langOf, type Confirmed, type Hold } from "./booking-flow-state";
import { Panel } from "./booking-shell";
import { Summary } from "./booking-summary";
import type { BookableService, BookingPageView } from "./booking-types";
import { DetailsStep } from "./details-step";
import { DoneStep } from "./done-step";
import { ServiceStep } from "./service-step";
import { SlotPicker, type PickedSlot } from "./slot-picker";

type Step = "service" | "time" | "details" | "done";
const STEPS: Step[] = ["service", "time", "details", "done"];

export function BookingFlow({ page }: { page: BookingPageView }) {
  const { t, i18n } = useTranslation("booking");
  const locale = langOf(i18n.language);
  const { site } = page;
  const [step, setStep] = useState<Step>("service");
  const [serviceId, setServiceId] = useState<string | null>(
    page.preselectedServiceId ?? (page.services.length === 1 ? page.services[0].id : null),
  );
  const service = page.services.find((s) => s.id === serviceId) ?? null;
  const [selection, setSelection] = useState<TOptionSelection>(() => (service ? defaultSelection(service) : {}));
  const [hold, setHold] = useState<Hold | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [timeNotice, setTimeNotice] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const priced = useMemo(() => {
    if (!service) return null;
    try {
      return quote(service, selection);
    } catch {
      return null;
    }
  }, [service, selection]);

  const go = (next: Step) => {
    setStep(next);
    // Move focus to the new step's heading so screen readers and keyboards follow along.
    requestAnimationFrame(() => {
      headingRef.current?.focus();
      window.scrollTo({ top: 0 });
    });
  };

  const pickService = (s: BookableService) => {
    setServiceId(s.id);
    setSelection(defaultSelection(s));
  };

  const pickSlot = async (slot: PickedSlot) => {
    if (!service) return;
    setPending(slot.startsAt);
    setTimeNotice(null);
    try {
      const h = await trpc.booking.public.hold.mutate({
        slug: site.slug,
        serviceId: service.id,
        startsAt: slot.startsAt,
        options: selection,
      });
      setHold({ ...h, expiresAtMs: Date.now() + page.holdMinutes * 60_000 });
      go("details");
    } catch (error) {
      setTimeNotice(clientErrorOf(error).message || t("time.taken"));
      setReloadKey((k) => k + 1);
    } finally {
      setPending(null);
    }
  };

  const stepIndex = STEPS.indexOf(step);
  const title =
    step === "service"
      ? t("service.heading")
      : step === "time"
        ? t("time.heading")
        : step === "details"
          ? t("form.heading")
          : confirmed?.status === "REQUESTED"
            ? t("done.headingRequested")
            : t("done.heading");

  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm font-medium text-slate-600">
          {t("steps.label", { current: stepIndex + 1, total: STEPS.length })} · {t(`steps.${step}`)}
        </p>
        <div className="mt-2 flex gap-1" aria-hidden>
          {STEPS.map((s, i) => (
            <span key={s} className={cn("h-1.5 flex-1 rounded-full", i <= stepIndex ? "bg-[var(--brand)]" : "bg-slate-200")} />
          ))}
        </div>
        <h1 ref={headingRef} tabIndex={-1} className="mt-4 text-2xl font-bold tracking-tight text-slate-900 focus:outline-none sm:text-3xl">
          {title}
        </h1>
      </div>

      {step === "service" ? (
        <ServiceStep
          page={page}
          service={service}
          selection={selection}
          onService={pickService}
          onSelection={setSelection}
          priced={priced}
          onContinue={() => go("time")}
        />
      ) : null}

      {step === "time" && service ? (
        <>
          <Summary page={page} service={service} selection={selection} priced={priced} onChangeService={() => go("service")} />
          {timeNotice ? <Alert variant="warning" description={timeNotice} /> : null}
          <Panel>
            <SlotPicker
              slug={site.slug}
              serviceId={service.id}
              selection={selection}
              timeZone={site.timeZone}
              onPick={pickSlot}
              pendingStartsAt={pending}
              reloadKey={reloadKey}
            />
          </Panel>
        </>
      ) : null}

      {step === "details" && service && hold ? (
        <DetailsStep
          page={page}
          service={service}
          selection={selection}
          hold={hold}
          onPickAgain={() => {
            setHold(null);
            setReloadKey((k) => k + 1);
            go("time");
          }}
          onConfirmed={(c) => {
            setConfirmed(c);
            setHold(null);
            go("done");
          }}
        />
      ) : null}

      {step === "done" && service && confirmed ? (
        <DoneStep page={page} service={service} selection={selection} confirmed={confirmed} locale={locale} />
      ) : null}
    </div>
  );
}
