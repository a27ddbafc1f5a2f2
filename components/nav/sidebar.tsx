// The app shell's navigation: a fixed left sidebar on wide screens, a compact scrolling top bar on narrow ones.
import { NavLink } from "./nav-link";
import { navSectionsFor } from "./nav-items";
import { UserMenu, type ShellUser } from "./user-menu";
import { Wordmark } from "./wordmark";

export function Sidebar({ user }: { user: ShellUser }) {
  return (
    <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col border-r border-zinc-200 bg-zinc-100/70 px-3 py-4 md:flex">
      <div className="px-2 pb-6">
        <Wordmark />
      </div>
      <nav aria-label="Main" className="flex flex-1 flex-col gap-6">
        {navSectionsFor(user.role).map((section) => (
          <div key={section.title}>
            <h2 className="px-2.5 pb-1.5 text-[11px] font-semibold uppercase tracking-wider text-zinc-600">
              {section.title}
            </h2>
            <ul className="flex flex-col gap-0.5">
              {section.items.map((item) => (
                <li key={item.href}>
                  <NavLink item={item} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <UserMenu user={user} />
    </aside>
  );
}

export function MobileTopBar({ user }: { user: ShellUser }) {
  const items = navSectionsFor(user.role).flatMap((section) => section.items);
  return (
    // Not sticky: with an admin's items wrapped onto several lines it would take a fifth of a phone's screen.
    <header className="border-b border-zinc-200 bg-zinc-50 md:hidden">
      <div className="flex items-center justify-between px-4 pt-3">
        <Wordmark />
        <UserMenu user={user} compact />
      </div>
      {/* Wraps rather than scrolls: a sideways-scrolling bar hid an admin's last items with no hint. */}
      <nav aria-label="Main" className="flex flex-wrap gap-1 px-3 py-2">
        {items.map((item) => (
          <NavLink key={item.href} item={item} compact />
        ))}
      </nav>
    </header>
  );
}
