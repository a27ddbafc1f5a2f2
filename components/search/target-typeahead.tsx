"use client";
// The search box: "Who do you want to meet?" over people and organizations (typeahead-combobox.tsx).
import { useState } from "react";
import type { TypeaheadHit } from "@/lib/search/typeahead.types";
import { TypeaheadCombobox } from "./typeahead-combobox";

export function TargetTypeahead({ onPick, initialValue = "" }: { onPick: (hit: TypeaheadHit) => void; initialValue?: string }) {
  const [input, setInput] = useState(initialValue);
  return (
    <TypeaheadCombobox
      label="Who do you want to meet?"
      placeholder="A name, an email, a company or a domain (stripe.com)"
      value={input}
      onValueChange={setInput}
      onPick={onPick}
    />
  );
}
