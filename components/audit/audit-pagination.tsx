// Newer / older links for the keyset-paged audit trail. Each link carries the filters, so paging never
// drops them; there are no page numbers because keyset pages have no stable position to number.
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-link";

export function AuditPagination({
  newerHref,
  olderHref,
  newestHref,
  shown,
}: {
  newerHref: string | null;
  olderHref: string | null;
  /** Set when this is not the newest page. */
  newestHref: string | null;
  shown: number;
}) {
  if (!newerHref && !olderHref && !newestHref) {
    return shown > 0 ? <p className="mt-4 text-sm text-zinc-500">{shown === 1 ? "Showing the only entry." : `Showing all ${shown} entries.`}</p> : null;
  }
  const disabled = `${buttonClass("secondary")} pointer-events-none opacity-40`;
  return (
    <nav aria-label="Audit pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex items-center gap-2">
        {newestHref ? (
          <Link href={newestHref} className={buttonClass("ghost")}>
            Back to newest
          </Link>
        ) : (
          <span className="text-zinc-500">Newest entries</span>
        )}
      </div>
      <div className="flex items-center gap-2">
        {newerHref ? (
          <Link href={newerHref} rel="prev" className={buttonClass("secondary")}>
            ← Newer entries
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            ← Newer entries
          </span>
        )}
        {olderHref ? (
          <Link href={olderHref} rel="next" className={buttonClass("secondary")}>
            Older entries →
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            Older entries →
          </span>
        )}
      </div>
    </nav>
  );
}
