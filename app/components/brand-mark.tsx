/** The ServicePro mark (decorative). */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={className}>
      <rect width="32" height="32" rx="8" fill="#1d5ef1" />
      <path
        d="M9 20.5c1.6 1.4 3.9 2.2 6.6 2.2 3.7 0 6.1-1.7 6.1-4.5 0-2.5-1.8-3.6-5.2-4.3-2.3-.5-3.1-.9-3.1-1.8 0-.9.9-1.5 2.4-1.5 1.6 0 3 .6 4.1 1.5l1.8-2.4c-1.5-1.2-3.5-1.9-5.8-1.9-3.5 0-5.8 1.9-5.8 4.5 0 2.6 1.9 3.6 5.1 4.3 2.4.5 3.2.9 3.2 1.9s-1 1.6-2.7 1.6c-2 0-3.7-.8-4.9-1.9z"
        fill="#fff"
      />
    </svg>
  );
}
