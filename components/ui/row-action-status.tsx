"use client";
// The confirmation line above a table whose rows act on themselves (Restore, Unblock). A successful action
// refreshes the list and its row disappears, so a message kept in the row would vanish with it: the row
// reports here instead. The live region is always in the DOM so screen readers announce what is put in it.
import { createContext, useContext, useState, type ReactNode } from "react";

type Report = (message: string | null) => void;

const RowActionStatusContext = createContext<Report | null>(null);
const ignore: Report = () => {};

export function RowActionStatus({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <RowActionStatusContext.Provider value={setMessage}>
      <p role="status" className={message ? "mx-5 my-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" : "sr-only"}>
        {message}
      </p>
      {children}
    </RowActionStatusContext.Provider>
  );
}

/** Sets (or, with null, clears) the line above the table; does nothing outside a <RowActionStatus>. */
export function useRowActionStatus(): Report {
  return useContext(RowActionStatusContext) ?? ignore;
}
