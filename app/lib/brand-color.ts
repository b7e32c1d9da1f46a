/**
 * A business's brand colour made safe for white text (WCAG AA, 4.5:1): kept as chosen when
 * it already passes, otherwise darkened step by step towards slate-900 until it does.
 * Owners pick any colour; the public pages stay readable.
 */
const DARK = [15, 23, 42]; // #0f172a
const MIN_CONTRAST = 4.5;

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio of white text on `rgb`. */
export function contrastWithWhite(hex: string): number {
  const rgb = parseHex(hex);
  return rgb ? 1.05 / (luminance(rgb) + 0.05) : 1;
}

export function accessibleBrandColor(hex: string, fallback = "#1d5ef1"): string {
  const rgb = parseHex(hex) ?? parseHex(fallback)!;
  for (let step = 0; step <= 20; step++) {
    const t = step / 20;
    const mixed = rgb.map((c, i) => c + (DARK[i] - c) * t);
    const candidate = toHex(mixed);
    if (contrastWithWhite(candidate) >= MIN_CONTRAST) return candidate;
  }
  return toHex(DARK);
}
