import type { ReactNode } from "react";

export function EmptyState({ title, description, action }: { title: ReactNode; description?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-14 text-center">
      <div aria-hidden="true" className="mb-4 flex size-10 items-center justify-center rounded-full bg-zinc-100 text-zinc-400">
        <svg viewBox="0 0 24 24" width={18} height={18} fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round">
          <path d="M4 13h4l1.5 2.5h5L16 13h4" />
          <path d="M6.5 6h11L20 13v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-5l2.5-7Z" />
        </svg>
      </div>
      <p className="text-sm font-medium text-zinc-900">{title}</p>
      {description ? <p className="mt-1 max-w-sm text-sm text-zinc-500">{description}</p> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
