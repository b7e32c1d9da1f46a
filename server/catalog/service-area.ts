import { lookup } from "zipcodes";

/**
 * Where a mobile business goes: BOOKING.serviceArea. A list of ZIP codes, or a radius
 * around a point (the center ZIP, or exact coordinates). Distances are between ZIP
 * centroids (the offline US/Canada table of the `zipcodes` package): no geocoding service,
 * so it works with no keys and never sends a customer's address anywhere.
 */
export interface ServiceArea {
  mode: "NONE" | "ZIPS" | "RADIUS";
  zips: string[];
  centerZip: string | null;
  center: { lat: number; lng: number } | null;
  radiusMiles: number;
}

export type AreaCheck = { ok: true; miles?: number } | { ok: false; reason: "zipRequired" | "unknownZip" | "outside"; miles?: number };

/** A US ZIP (5 digits, ZIP+4 accepted) -> its 5 digits; anything else -> null. */
export function normalizeZip(raw: string | null | undefined): string | null {
  const m = /^\s*(\d{5})(?:-?\d{4})?\s*$/.exec(raw ?? "");
  return m ? m[1] : null;
}

const EARTH_MILES = 3958.8;
export function milesBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

function zipPoint(zip: string): { lat: number; lng: number } | null {
  const info = lookup(zip);
  return info && Number.isFinite(info.latitude) && Number.isFinite(info.longitude) ? { lat: info.latitude, lng: info.longitude } : null;
}

/** The area's center: exact coordinates when set, else the center ZIP's centroid. */
export function areaCenter(area: ServiceArea): { lat: number; lng: number } | null {
  if (area.center) return area.center;
  return area.centerZip ? zipPoint(area.centerZip) : null;
}

/** Does the business serve this ZIP? NONE serves everywhere (no address needed). */
export function checkServiceArea(area: ServiceArea, rawZip: string | null | undefined): AreaCheck {
  if (area.mode === "NONE") return { ok: true };
  const zip = normalizeZip(rawZip);
  if (!zip) return { ok: false, reason: "zipRequired" };
  if (area.mode === "ZIPS") return area.zips.includes(zip) ? { ok: true } : { ok: false, reason: "outside" };
  const center = areaCenter(area);
  // A radius with no usable center cannot exclude anyone: serve rather than turn customers away.
  if (!center) return { ok: true };
  const point = zipPoint(zip);
  if (!point) return { ok: false, reason: "unknownZip" };
  const miles = Math.round(milesBetween(center, point) * 10) / 10;
  return miles <= area.radiusMiles ? { ok: true, miles } : { ok: false, reason: "outside", miles };
}

/** Whether the ZIP is a real one (for the settings form's center ZIP). */
export function isKnownZip(zip: string): boolean {
  return zipPoint(zip) !== null;
}
