// The app shell's navigation: a fixed left sidebar on wide screens, a compact scrolling top bar on narrow ones.
import { NavLink } from "./nav-link";
import { navSections } from "./nav-items";
import { Wordmark } from "./wordmark";

export function Sidebar() {
  return (
    <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col border-r border-zinc-200 bg-zinc-100/70 px-3 py-4 md:flex">
      <div className="px-2 pb-6">
        <Wordmark />
      </div>
      <nav aria-label="Main" className="flex flex-1 flex-col gap-6">
        {navSections.map((section) => (
          <div key={section.title}>
            <h2 className="px-2.5 pb-1.5 text-[11px] font-semibold uppercase tracking-wider text-zinc-400">
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
      <p className="px-2.5 text-[11px] leading-relaxed text-zinc-400">Who can introduce you, and how strong is each link.</p>
    </aside>
  );
}

export function MobileTopBar() {
  const items = navSections.flatMap((section) => section.items);
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-zinc-50/95 backdrop-blur md:hidden">
      <div className="flex items-center px-4 pt-3">
        <Wordmark />
      </div>
      <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-3 py-2">
        {items.map((item) => (
          <NavLink key={item.href} item={item} compact />
        ))}
      </nav>
    </header>
  );
}
