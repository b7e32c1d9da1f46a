import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BookingFlow } from "./booking-flow";
import { BookingShell } from "./booking-shell";
import type { BookingPageView, ManagePageData } from "./booking-types";
import { ManageBooking, ManageLinkProblem } from "./manage-booking";

/**
 * The booking pages' route components, shared by the platform host's routes
 * (/s/<slug>/book, /s/<slug>/booking/manage/<token>) and the tenant host's (/book,
 * /booking/manage/<token>). Their loaders return `{ page | data, title }`.
 */
export const bookingMeta: MetaFunction = ({ data }) => [
  { title: (data as { title?: string } | undefined)?.title ?? "ServicePro" },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export function BookPageRoute() {
  const { page } = useLoaderData() as { page: BookingPageView };
  return (
    <BookingShell site={page.site}>
      <BookingFlow page={page} />
    </BookingShell>
  );
}

export function ManagePageRoute() {
  const { data } = useLoaderData() as { data: ManagePageData };
  return (
    <BookingShell site={data.site}>
      {data.kind === "booking" ? <ManageBooking data={data} /> : <ManageLinkProblem data={data} />}
    </BookingShell>
  );
}
