// The shell's navigation, in display order. People pages (/people/[id]) are reached from links, not the nav.
import type { IconName } from "./icons";

export interface NavItem {
  href: string;
  label: string;
  icon: IconName;
}

export interface NavSection {
  title: string;
  items: NavItem[];
  /** Shown to admins only (the pages check the role themselves too). */
  adminOnly?: boolean;
}

export const navSections: NavSection[] = [
  {
    title: "Explore",
    items: [
      { href: "/", label: "Search", icon: "search" },
      { href: "/graph", label: "Graph", icon: "graph" },
      { href: "/merges", label: "Merges", icon: "merge" },
      { href: "/settings/blocklist", label: "Blocklist", icon: "shield" },
    ],
  },
  {
    title: "Admin",
    adminOnly: true,
    items: [
      { href: "/admin/sync", label: "Sync", icon: "sync" },
      { href: "/admin/audit", label: "Audit", icon: "audit" },
      { href: "/admin/privacy", label: "Privacy", icon: "shield" },
    ],
  },
];

export function navSectionsFor(role: "admin" | "member"): NavSection[] {
  return navSections.filter((section) => !section.adminOnly || role === "admin");
}

/** "/" is active only on itself (and on people pages, which are reached from search); others match by prefix. */
export function isActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/" || pathname.startsWith("/people/");
  return pathname === href || pathname.startsWith(`${href}/`);
}
