import type { Metadata } from "next";
import type { ReactNode } from "react";
import { MobileTopBar, Sidebar } from "@/components/nav/sidebar";
import { Providers } from "@/components/providers";
import { getSessionUser } from "@/lib/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "WIG", template: "%s · WIG" },
  description: "Warm Intro Graph: who can introduce you to this person or company, and how strong is each link?",
};

// The shell (navigation, user menu) is for signed-in users; the sign-in page renders bare.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser().catch(() => null);
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
        >
          Skip to content
        </a>
        <Providers>
          {user ? (
            <div className="flex min-h-screen">
              <Sidebar user={user} />
              <div className="flex min-w-0 flex-1 flex-col">
                <MobileTopBar user={user} />
                <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6 lg:px-10 lg:py-10">
                  {children}
                </main>
              </div>
            </div>
          ) : (
            <main id="main" className="mx-auto w-full max-w-7xl px-4 py-8">
              {children}
            </main>
          )}
        </Providers>
      </body>
    </html>
  );
}
