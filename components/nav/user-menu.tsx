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
          <p className="truncate text-sm font-medium text-zinc-800" data-testid="signed-in-user">{user.name ?? user.email}</p>
          <p className="truncate text-xs text-zinc-500">
            {user.email} · <span className="font-medium">{user.role}</span>
          </p>
        </div>
      )}
      <SignOutButton />
    </div>
  );
}
