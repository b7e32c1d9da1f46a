import { AirVent, Briefcase, Car, PawPrint, SprayCan, Trees, type LucideIcon } from "lucide-react";

const ICONS: Record<string, LucideIcon> = { Car, SprayCan, AirVent, Trees, PawPrint };

/** The icon an industry pack names (a known set, so the bundle stays small). */
export function PackIcon({ name, className }: { name: string; className?: string }) {
  const Icon = ICONS[name] ?? Briefcase;
  return <Icon aria-hidden className={className} />;
}
