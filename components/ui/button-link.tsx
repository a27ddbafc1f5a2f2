import Link from "next/link";
import type { ReactNode } from "react";

const variants = {
  primary: "bg-accent-600 text-white shadow-sm hover:bg-accent-700",
  secondary: "bg-white text-zinc-700 shadow-sm ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50",
  ghost: "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
} as const;

export const buttonClass = (variant: keyof typeof variants = "secondary") =>
  `inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium transition-colors ${variants[variant]}`;

export function ButtonLink({ href, children, variant = "secondary" }: { href: string; children: ReactNode; variant?: keyof typeof variants }) {
  return (
    <Link href={href} className={buttonClass(variant)}>
      {children}
    </Link>
  );
}
