/** "5 minutes ago" / "hace 5 minutos" from an age in ms (computed on the server, so both renders agree). */
export function formatAge(ageMs: number, locale: string, justNow: string): string {
  const seconds = Math.round(ageMs / 1000);
  if (seconds < 45) return justNow;
  const rtf = new Intl.RelativeTimeFormat(locale === "es" ? "es" : "en", { numeric: "auto" });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return rtf.format(-minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours < 48) return rtf.format(-hours, "hour");
  return rtf.format(-Math.round(hours / 24), "day");
}
