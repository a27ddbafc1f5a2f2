// Table primitives with one consistent look: quiet header, hairline row separators, comfortable padding.
// The wrapper and the header cells are `relative` so visually hidden (sr-only, absolutely positioned) captions
// and headings stay inside the table's own scroll box: otherwise they are placed against the page and, on a
// narrow screen where the table scrolls, push the whole page sideways.
import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from "react";

export function Table({ children, caption }: { children: ReactNode; caption: string }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={`relative whitespace-nowrap border-b border-zinc-200 bg-zinc-50/80 px-3 py-2.5 text-xs font-medium text-zinc-500 first:pl-5 last:pr-5 ${className}`}
      {...props}
    >
      {children}
    </th>
  );
}

export function Td({ children, className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return (
    <td className={`border-b border-zinc-100 px-3 py-3 align-top text-zinc-700 first:pl-5 last:pr-5 ${className}`} {...props}>
      {children}
    </td>
  );
}
