// Who is signed in, their role, and the sign-out button.
import { SignOutButton } from "./sign-out-button";

export interface ShellUser {
  name: string | null;
  email: string;
  role: "admin" | "member";
}

export function UserMenu({ user, compact = false }: { user: ShellUser; compact?: boolean }) {
  return (
    <div className={compact ? "flex items-center gap-2" : "border-t border-zinc-200 px-2.5 pt-3"}>
      {compact ? null : (
        <div className="mb-2 min-w-0">
          <p className="flex min-w-0 items-center gap-1.5 text-sm font-medium text-zinc-800">
            <span className="truncate" data-testid="signed-in-user">{user.name ?? user.email}</span>
            {/* The role stays visible however long the name or address: the address truncates instead. */}
            <span className="shrink-0 rounded bg-zinc-200/70 px-1.5 py-px text-[11px] font-medium text-zinc-700">{user.role}</span>
          </p>
          <p className="truncate text-xs text-zinc-600" title={user.email}>
            {user.email}
          </p>
        </div>
      )}
      <SignOutButton />
    </div>
  );
}
