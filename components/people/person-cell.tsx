import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { displayName } from "@/components/ui/format";

/** A person in a list or table: avatar, linked display name, and "title · organization" underneath. */
export function PersonCell({
  person,
  href,
}: {
  person: { id: string; names: readonly string[]; title: string | null; organizationName: string | null };
  href?: string;
}) {
  const name = displayName(person.names);
  const subtitle = [person.title, person.organizationName].filter(Boolean).join(" · ");
  return (
    <div className="flex min-w-0 items-center gap-3">
      <Avatar name={name} size="sm" />
      <div className="min-w-0">
        <Link href={href ?? `/people/${person.id}`} className="block truncate font-medium text-zinc-900 hover:text-accent-700 hover:underline">
          {name}
        </Link>
        {subtitle ? <p className="truncate text-xs text-zinc-500">{subtitle}</p> : null}
      </div>
    </div>
  );
}
