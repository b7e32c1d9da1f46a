import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { ChevronRight, Contact, MessageSquareText, Plus, Search, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CUSTOMER_TEXT_LIMITS, type TCustomerListItem } from "#server/customers/customers.types";
import { formatPhone } from "#server/customers/phone";
import { can } from "#server/tenants/roles";
import { dateFormatter, displayName, initials } from "~/components/customers/customer-format";
import { Badge, Button, EmptyState, Input, NativeSelect, PageHeader, Spinner } from "~/components/ui";
import { requireMember } from "~/lib/dashboard.server";
import { searchTerm } from "#server/validation/clean-text";

const PAGE_SIZE = 25;
const SEARCH_DEBOUNCE_MS = 300;

/** The customer list: search (`?q=`), a tag filter (`?tag=`), pages by cursor (`?cursor=`). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { caller, current, locale } = await requireMember(request);
  const params = new URL(request.url).searchParams;
  const q = searchTerm(params.get("q"), CUSTOMER_TEXT_LIMITS.search);
  const tag = searchTerm(params.get("tag"), CUSTOMER_TEXT_LIMITS.search);
  // A cursor is ours (base64url); anything else starts from the first page.
  const rawCursor = params.get("cursor") ?? "";
  const cursor = /^[\w-]{1,400}$/.test(rawCursor) ? rawCursor : "";
  const [page, context] = await Promise.all([
    caller.customers.list({ q: q || undefined, tag: tag || undefined, cursor: cursor || undefined, limit: PAGE_SIZE }),
    caller.customers.context(),
  ]);
  return { page, q, tag, cursor, tags: context.tags, timeZone: context.timeZone, locale, canEdit: can(current.role, "customers.manage") };
}

const pageUrl = (q: string, tag: string, cursor?: string) => {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (tag) params.set("tag", tag);
  if (cursor) params.set("cursor", cursor);
  const search = params.toString();
  return `/dashboard/customers${search ? `?${search}` : ""}`;
};

export default function CustomersPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation(["customers", "common"]);
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/dashboard/customers";

  // Pages fetched with "Show more" are appended until the search or filter changes.
  const more = useFetcher<typeof loader>();
  const [extra, setExtra] = useState<{ items: TCustomerListItem[]; nextCursor: string | null }>({ items: [], nextCursor: null });
  useEffect(() => setExtra({ items: [], nextCursor: null }), [d.page]);
  useEffect(() => {
    const next = more.data?.page;
    if (more.state === "idle" && next)
      setExtra((x) =>
        x.items.some((i) => i.id === next.items[0]?.id) ? x : { items: [...x.items, ...next.items], nextCursor: next.nextCursor },
      );
  }, [more.state, more.data]);
  const items = [...d.page.items, ...extra.items];
  const nextCursor = extra.items.length ? extra.nextCursor : d.page.nextCursor;
  const filtered = Boolean(d.q || d.tag);

  return (
    <div className="space-y-5">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          d.canEdit ? (
            <Button asChild>
              <Link to="/dashboard/customers/new">
                <Plus /> {t("newCustomer")}
              </Link>
            </Button>
          ) : null
        }
      />

      <SearchBar q={d.q} tag={d.tag} tags={d.tags} searching={searching} />

      {items.length ? (
        <>
          <p className="text-sm text-slate-600" aria-live="polite">
            {t("list.count", { count: items.length })}
          </p>
          <CustomerCards items={items} locale={d.locale} timeZone={d.timeZone} />
          <CustomerTable items={items} locale={d.locale} timeZone={d.timeZone} />
          {nextCursor ? (
            <div className="flex justify-center">
              <Button asChild variant="outline" className="w-full sm:w-auto">
                <Link
                  to={pageUrl(d.q, d.tag, nextCursor)}
                  onClick={(e) => {
                    e.preventDefault();
                    // `index` targets this route's loader (the URL always has `?cursor=` here).
                    more.load(`${pageUrl(d.q, d.tag, nextCursor)}&index`);
                  }}
                  aria-disabled={more.state !== "idle" || undefined}
                >
                  {more.state !== "idle" ? <Spinner size="sm" /> : null} {t("list.loadMore")}
                </Link>
              </Button>
            </div>
          ) : null}
        </>
      ) : filtered ? (
        <EmptyState icon={<Search />} titleAs="h2" title={t("list.noMatchesTitle")} description={t("list.noMatchesBody")} />
      ) : (
        <EmptyState
          icon={<Contact />}
          titleAs="h2"
          title={t("list.emptyTitle")}
          description={t("list.emptyBody")}
          action={
            d.canEdit ? (
              <Button asChild>
                <Link to="/dashboard/customers/new">
                  <Plus /> {t("newCustomer")}
                </Link>
              </Button>
            ) : null
          }
        />
      )}
    </div>
  );
}

/** Typing searches after a short pause (the URL keeps `?q=`, so back and reload work); the tag filter applies at once. */
function SearchBar({ q, tag, tags, searching }: { q: string; tag: string; tags: string[]; searching: boolean }) {
  const { t } = useTranslation("customers");
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  // Back/forward changes `q` without typing: show it, unless the person is typing.
  useEffect(() => {
    if (inputRef.current && document.activeElement !== inputRef.current) inputRef.current.value = q;
  }, [q]);

  const send = (replace: boolean) => {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    for (const key of ["q", "tag"]) if (!String(data.get(key) ?? "").trim()) data.delete(key);
    submit(data, { method: "get", action: "/dashboard/customers", replace, preventScrollReset: true });
  };

  return (
    <Form
      noValidate
      ref={formRef}
      method="get"
      role="search"
      className="flex flex-col gap-2 sm:flex-row"
      onSubmit={(e) => (e.preventDefault(), send(false))}
    >
      <div className="relative flex-1">
        <label htmlFor="customer-search" className="sr-only">
          {t("list.search")}
        </label>
        {/* Pinned to the input's height, not the box's: the character counter may grow the box. */}
        <Search aria-hidden className="pointer-events-none absolute left-3 top-3.5 size-4 text-slate-500 sm:top-3" />
        <Input
          ref={inputRef}
          id="customer-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t("list.searchPlaceholder")}
          autoComplete="off"
          maxLength={CUSTOMER_TEXT_LIMITS.search}
          className="pl-9 pr-9"
          onChange={() => {
            clearTimeout(timer.current);
            timer.current = setTimeout(() => send(true), SEARCH_DEBOUNCE_MS);
          }}
        />
        {searching ? <Spinner size="sm" className="absolute right-3 top-3.5 sm:top-3" /> : null}
      </div>
      {tags.length ? (
        <div className="flex gap-2">
          <label htmlFor="customer-tag" className="sr-only">
            {t("list.tag")}
          </label>
          <NativeSelect id="customer-tag" name="tag" defaultValue={tag} key={tag} className="sm:w-48" onChange={() => send(false)}>
            <option value="">{t("list.allTags")}</option>
            {tags.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </NativeSelect>
          {q || tag ? (
            <Button asChild variant="ghost" size="icon" className="shrink-0">
              <Link
                to="/dashboard/customers"
                aria-label={t("list.clear")}
                onClick={() => inputRef.current && (inputRef.current.value = "")}
              >
                <X />
              </Link>
            </Button>
          ) : null}
        </div>
      ) : null}
      <noscript>
        <Button type="submit" variant="outline">
          {t("list.search")}
        </Button>
      </noscript>
    </Form>
  );
}

function contactLine(c: TCustomerListItem): string {
  return [formatPhone(c.phone), c.email].filter(Boolean).join(" · ");
}

/** Phones: one card per customer, the whole card is the link. */
function CustomerCards({ items, locale, timeZone }: { items: TCustomerListItem[]; locale: string; timeZone: string }) {
  const { t } = useTranslation("customers");
  const day = dateFormatter(locale, timeZone);
  return (
    <ul className="space-y-2 md:hidden">
      {items.map((c) => (
        <li key={c.id}>
          <Link
            to={`/dashboard/customers/${c.id}`}
            className="flex items-center gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 active:bg-slate-50"
          >
            <span
              aria-hidden
              className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700"
            >
              {initials(c.name)}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-slate-900">{displayName(c)}</span>
              <span className="block truncate text-sm text-slate-600">{contactLine(c) || t("list.noContact")}</span>
              {c.tags.length || c.nextBookingAt || c.lastBookingAt ? (
                <span className="mt-1 flex flex-wrap items-center gap-1 text-xs text-slate-600">
                  {c.tags.map((tag) => (
                    <Badge key={tag} variant="neutral">
                      {tag}
                    </Badge>
                  ))}
                  {c.nextBookingAt ? (
                    <span>{t("list.next", { date: day(c.nextBookingAt) })}</span>
                  ) : c.lastBookingAt ? (
                    <span>{t("list.last", { date: day(c.lastBookingAt) })}</span>
                  ) : null}
                </span>
              ) : null}
            </span>
            <ChevronRight aria-hidden className="size-5 shrink-0 text-slate-400" />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Desktop: a table with the facts people scan for. */
function CustomerTable({ items, locale, timeZone }: { items: TCustomerListItem[]; locale: string; timeZone: string }) {
  const { t } = useTranslation("customers");
  const day = dateFormatter(locale, timeZone);
  return (
    <div className="hidden overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm md:block">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
              {t("list.name")}
            </th>
            <th scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
              {t("list.contact")}
            </th>
            <th scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
              {t("list.tags")}
            </th>
            <th scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
              {t("list.lastVisit")}
            </th>
            <th scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
              {t("list.nextVisit")}
            </th>
            <th scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
              {t("list.texts")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((c) => (
            <tr key={c.id} className="hover:bg-slate-50">
              <th scope="row" className="px-4 py-3 font-medium">
                <Link
                  to={`/dashboard/customers/${c.id}`}
                  className="text-slate-900 underline-offset-4 hover:underline focus-visible:underline"
                >
                  {displayName(c)}
                </Link>
              </th>
              <td className="px-4 py-3 text-slate-700">
                {c.phone ? <span className="block whitespace-nowrap tabular-nums">{formatPhone(c.phone)}</span> : null}
                {c.email ? <span className="block max-w-[16rem] truncate text-slate-600">{c.email}</span> : null}
                {!c.phone && !c.email ? <span className="text-slate-600">{t("list.noContact")}</span> : null}
              </td>
              <td className="px-4 py-3">
                <span className="flex flex-wrap gap-1">
                  {c.tags.map((tag) => (
                    <Badge key={tag} variant="neutral">
                      {tag}
                    </Badge>
                  ))}
                </span>
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">{day(c.lastBookingAt) || t("list.never")}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">{day(c.nextBookingAt) || t("list.never")}</td>
              <td className="px-4 py-3">
                {c.smsConsent ? (
                  <Badge variant="success">
                    <MessageSquareText aria-hidden className="size-3.5" /> {t("list.textsOk")}
                  </Badge>
                ) : (
                  <span className="text-slate-600">{t("list.noTexts")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
