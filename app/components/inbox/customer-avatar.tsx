import { UserRound } from "lucide-react";
import { cn } from "~/components/ui";
import { avatarColor, initials } from "./format";

/** A customer's initials in a colored circle (a person icon when the name is only a number). */
export function CustomerAvatar({ id, name, className }: { id: string; name: string; className?: string }) {
  const letters = initials(name);
  return (
    <span
      aria-hidden
      className={cn("flex size-10 shrink-0 items-center justify-center rounded-full text-sm font-semibold", avatarColor(id), className)}
    >
      {letters || <UserRound className="size-5" />}
    </span>
  );
}
