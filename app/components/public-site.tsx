import { CalendarPlus, Clock, Gift, Mail, MapPin, MessageSquare, Phone } from "lucide-react";
import { accessibleBrandColor } from "~/lib/brand-color";
import { useLocation } from "@remix-run/react";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { useTranslation } from "react-i18next";
import type { PublicSiteView } from "#server/site/public-site.server";
import { LanguageSwitcher } from "~/components/language-switcher";
import { formatCents } from "#server/money/money";

/** <head> tags of a tenant's public page (route `meta` runs in the browser too, so this lives here). */
export function publicSiteMeta(site: PublicSiteView | undefined) {
  return site ? [{ title: site.tenant.name }, { name: "description", content: site.tagline }] : [{ title: "ServicePro" }];
}

/** A tenant's public page (served at /s/<slug> and at the root of its own hosts). */
export function PublicSitePage({ site }: { site: PublicSiteView }) {
  const { t } = useTranslation(["site", "common"]);
  const phone = site.contactPhone ? parsePhoneNumberFromString(site.contactPhone) : undefined;
  const sections = new Set(site.blocks);
  // White text sits on the brand colour: keep it readable whatever the owner picked.
  const color = accessibleBrandColor(site.primaryColor);
  // The booking page sits beside this page: /s/<slug>/book here, /book on the tenant's own host.
  const { pathname } = useLocation();
  const bookHref = pathname.startsWith("/s/") ? `/s/${encodeURIComponent(site.tenant.slug)}/book` : "/book";
  return (
    <div className="min-h-screen bg-white" style={{ ["--brand" as string]: color }}>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-2">
          <p className="min-w-0 flex-1 truncate text-lg font-semibold">{site.tenant.name}</p>
          <LanguageSwitcher />
          <a
            href={bookHref}
            className="hidden min-h-10 items-center gap-2 rounded-lg px-4 text-sm font-semibold text-white shadow-sm hover:opacity-90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 sm:inline-flex"
            style={{ background: color }}
          >
            {t("bookNow")}
          </a>
        </div>
      </header>

      {sections.has("hero") ? (
        <section
          className="text-white"
          style={{ background: `linear-gradient(135deg, ${color}, color-mix(in srgb, ${color} 55%, #0f172a))` }}
        >
          <div className="mx-auto max-w-5xl px-4 py-14 sm:py-20">
            <h1 className="max-w-2xl text-3xl font-bold tracking-tight sm:text-5xl">{site.headline}</h1>
            <p className="mt-4 max-w-xl text-lg text-white/90">{site.tagline}</p>
            <div className="mt-8 flex flex-col gap-3 sm:flex-row">
              <a
                href={bookHref}
                className="inline-flex min-h-12 items-center justify-center gap-2 rounded-lg bg-white px-6 font-semibold text-slate-900 shadow hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-white focus-visible:ring-offset-2 focus-visible:ring-offset-slate-900"
              >
                <CalendarPlus aria-hidden className="size-5" /> {t("bookNow")}
              </a>
              {phone ? (
                <>
                  <a
                    href={phone.getURI()}
                    className="inline-flex min-h-12 items-center justify-center gap-2 rounded-lg border border-white/70 px-6 font-semibold text-white hover:bg-white/10 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-white"
                  >
                    <Phone aria-hidden className="size-5" /> {t("callToBook")}
                  </a>
                  <a
                    href={`sms:${phone.number}`}
                    className="inline-flex min-h-12 items-center justify-center gap-2 rounded-lg border border-white/70 px-6 font-semibold text-white hover:bg-white/10 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-white"
                  >
                    <MessageSquare aria-hidden className="size-5" /> {t("textUs")}
                  </a>
                </>
              ) : site.contactEmail ? (
                <a
                  href={`mailto:${site.contactEmail}`}
                  className="inline-flex min-h-12 items-center justify-center gap-2 rounded-lg border border-white/70 px-6 font-semibold text-white hover:bg-white/10"
                >
                  <Mail aria-hidden className="size-5" /> {t("emailUs")}
                </a>
              ) : null}
            </div>
          </div>
        </section>
      ) : null}

      <main className="mx-auto max-w-5xl space-y-14 px-4 py-12">
        {sections.has("services") && site.services.length ? (
          <section aria-labelledby="services-h">
            <h2 id="services-h" className="text-2xl font-bold">
              {t("services")}
            </h2>
            <ul className="mt-6 grid gap-4 sm:grid-cols-2">
              {site.services.map((s) => (
                <li key={s.id} className="rounded-2xl border border-slate-200 p-5 shadow-sm">
                  <div className="flex items-start justify-between gap-3">
                    <h3 className="text-lg font-semibold">{s.name}</h3>
                    {site.showPrices ? (
                      <p
                        className="shrink-0 text-lg font-semibold tabular-nums"
                        style={{ color: "color-mix(in srgb, var(--brand) 80%, #0f172a)" }}
                      >
                        {formatCents(s.priceCents, site.locale)}
                      </p>
                    ) : null}
                  </div>
                  {s.description ? <p className="mt-2 text-slate-700">{s.description}</p> : null}
                  <div className="mt-3 flex items-center justify-between gap-3">
                    <p className="inline-flex items-center gap-1 text-sm text-slate-600">
                      <Clock aria-hidden className="size-4" /> {t("duration", { minutes: s.durationMinutes })}
                    </p>
                    <a
                      href={`${bookHref}?service=${encodeURIComponent(s.id)}`}
                      className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 text-sm font-semibold text-slate-900 hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
                    >
                      {t("bookService")}
                      <span className="sr-only">: {s.name}</span>
                    </a>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {sections.has("about") ? (
          <section aria-labelledby="about-h">
            <h2 id="about-h" className="text-2xl font-bold">
              {t("about")}
            </h2>
            <p className="mt-4 max-w-3xl text-lg leading-relaxed text-slate-700">{site.about}</p>
            {site.serviceAreaNote ? (
              <p className="mt-4 inline-flex items-center gap-2 text-slate-700">
                <MapPin aria-hidden className="size-5" /> {site.serviceAreaNote}
              </p>
            ) : null}
          </section>
        ) : null}

        {sections.has("loyalty") && site.loyalty ? (
          <section aria-labelledby="loyalty-h" className="rounded-2xl bg-amber-50 p-6">
            <h2 id="loyalty-h" className="flex items-center gap-2 text-2xl font-bold">
              <Gift aria-hidden className="size-6 text-amber-700" /> {t("loyalty")}
            </h2>
            <p className="mt-2 text-slate-800">
              {t("loyaltyBody", { count: site.loyalty.pointsPerDollar, threshold: site.loyalty.threshold, reward: site.loyalty.reward })}
            </p>
          </section>
        ) : null}

        {sections.has("hours") ? (
          <section aria-labelledby="hours-h">
            <h2 id="hours-h" className="text-2xl font-bold">
              {t("hours")}
            </h2>
            <table className="mt-4 w-full max-w-md text-left">
              <tbody>
                {site.hours.map((h) => (
                  <tr key={h.day} className="border-b border-slate-100">
                    <th scope="row" className="py-2 font-medium">
                      {t(`common:days.${h.day}`)}
                    </th>
                    <td className="py-2 text-right tabular-nums text-slate-700">
                      {h.ranges.length ? h.ranges.map((r) => `${r.open} – ${r.close}`).join(", ") : t("closed")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-sm text-slate-600">{t("timesIn", { zone: site.tenant.timeZone.replace(/_/g, " ") })}</p>
          </section>
        ) : null}

        {sections.has("faq") && site.faq.length ? (
          <section aria-labelledby="faq-h">
            <h2 id="faq-h" className="text-2xl font-bold">
              {t("faq")}
            </h2>
            <div className="mt-4 divide-y divide-slate-200 rounded-2xl border border-slate-200">
              {site.faq.map((f) => (
                <details key={f.question} className="group p-4">
                  <summary className="cursor-pointer list-none font-medium marker:hidden focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
                    {f.question}
                  </summary>
                  <p className="mt-2 text-slate-700">{f.answer}</p>
                </details>
              ))}
            </div>
          </section>
        ) : null}

        {sections.has("contact") && (phone || site.contactEmail) ? (
          <section aria-labelledby="contact-h">
            <h2 id="contact-h" className="text-2xl font-bold">
              {t("contact")}
            </h2>
            <ul className="mt-4 space-y-2 text-lg">
              {phone ? (
                <li>
                  <a
                    className="inline-flex min-h-11 items-center gap-2 font-medium underline-offset-4 hover:underline"
                    href={phone.getURI()}
                  >
                    <Phone aria-hidden className="size-5" /> {phone.formatNational()}
                  </a>
                </li>
              ) : null}
              {site.contactEmail ? (
                <li>
                  <a
                    className="inline-flex min-h-11 items-center gap-2 font-medium underline-offset-4 hover:underline"
                    href={`mailto:${site.contactEmail}`}
                  >
                    <Mail aria-hidden className="size-5" /> {site.contactEmail}
                  </a>
                </li>
              ) : null}
            </ul>
          </section>
        ) : null}
      </main>
      <footer className="border-t border-slate-200 py-6 text-center text-sm text-slate-600">
        © {site.tenant.name} · {t("poweredBy")}
      </footer>
    </div>
  );
}
