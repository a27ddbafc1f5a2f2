"use client";
// A navigation link that knows whether it is the current page (the only part of the shell that needs the browser).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Icon } from "./icons";
import { isActive, type NavItem } from "./nav-items";

export function NavLink({ item, compact = false }: { item: NavItem; compact?: boolean }) {
  const pathname = usePathname();
  const active = isActive(item.href, pathname);
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={[
        "group flex items-center gap-2.5 rounded-md text-sm font-medium transition-colors",
        compact ? "shrink-0 px-2.5 py-1.5" : "px-2.5 py-1.5",
        active
          ? "bg-white text-zinc-900 shadow-sm ring-1 ring-zinc-200"
          : "text-zinc-600 hover:bg-zinc-200/60 hover:text-zinc-900",
      ].join(" ")}
    >
      <Icon
        name={item.icon}
        className={active ? "text-accent-600" : "text-zinc-400 transition-colors group-hover:text-zinc-600"}
      />
      {item.label}
    </Link>
  );
}
