/** A moment as people read it, in the business's time zone and the reader's language. */
export function formatWhen(at: Date | string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", { timeZone, dateStyle: "full", timeStyle: "short" }).format(
    new Date(at),
  );
}

/** The public base URL for links in messages. */
export function appBaseUrl(appUrl: string | undefined, port: number): string {
  return (appUrl ?? `http://localhost:${port}`).replace(/\/$/, "");
}
