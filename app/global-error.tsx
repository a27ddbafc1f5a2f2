"use client";
// Last-resort boundary for errors in the root layout itself. It replaces the whole document, so it
// cannot rely on the app's stylesheet being applied; Tailwind classes still work because globals.css is imported.
import "./globals.css";

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen items-center justify-center bg-zinc-50 font-sans text-zinc-900">
        <title>Something went wrong · WIG</title>
        <div role="alert" className="text-center">
          <h1 className="text-xl font-semibold tracking-tight">WIG could not start this page</h1>
          <p className="mt-2 text-sm text-zinc-500">Reload, or try again in a moment.</p>
          <button
            type="button"
            onClick={() => retry()}
            className="mt-6 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-700"
          >
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
