"use client";
// A combobox over people (and organizations) from GET /api/search (WAI-ARIA combobox pattern): arrow keys move
// through the hits, Enter picks, Escape closes; picking calls onPick with the hit. The search box's target
// field and the person fields of the privacy and blocklist screens; the caller owns the text.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Avatar } from "@/components/ui/avatar";
import type { PersonHit, TypeaheadHit } from "@/lib/search/typeahead.types";
import { useTypeahead } from "./use-typeahead";

interface ComboboxBase {
  label: string;
  value: string;
  onValueChange(value: string): void;
  placeholder?: string;
  name?: string;
  required?: boolean;
  maxLength?: number;
  labelClassName?: string;
  inputClassName?: string;
}

type TypeaheadComboboxProps = ComboboxBase &
  ({ kinds?: "all"; onPick(hit: TypeaheadHit): void } | { kinds: "people"; onPick(hit: PersonHit): void });

const SEARCH_INPUT_CLASS =
  "w-full rounded-lg border border-zinc-300 bg-white px-3.5 py-2.5 text-sm text-zinc-900 shadow-sm outline-none placeholder:text-zinc-500 focus:border-accent-500 focus:ring-2 focus:ring-accent-500/20";

export function TypeaheadCombobox(props: TypeaheadComboboxProps) {
  const { label, value: input, onValueChange, placeholder, name, required, maxLength = 100 } = props;
  const peopleOnly = props.kinds === "people";
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // Blur closes the list a moment later (a click on an option lands first); focus or typing in that moment
  // keeps it open: a field left and refilled at once (a button pressed, then a name typed) showed no list.
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const keepOpen = () => {
    clearTimeout(closing.current);
    setOpen(true);
  };
  useEffect(() => () => clearTimeout(closing.current), []);
  const { data, error, isFetching } = useTypeahead(input);
  const hits = input.trim() === "" ? [] : (data?.hits ?? []).filter((hit) => !peopleOnly || hit.kind === "person");
  const showList = open && input.trim() !== "";
  // The listbox holds options only (ARIA): an error or "no one matches" is a status line beside it instead.
  const message = error ? error.message : data && hits.length === 0 && !isFetching ? `No one matches “${input.trim()}”.` : null;
  const expanded = showList && hits.length > 0;
  const activeIndex = Math.min(active, Math.max(0, hits.length - 1));

  function pick(hit: TypeaheadHit) {
    onValueChange(hit.name);
    setOpen(false);
    if (props.kinds === "people") {
      if (hit.kind === "person") props.onPick(hit);
    } else props.onPick(hit);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (hits.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + hits.length) % hits.length);
    } else if (event.key === "Enter") {
      const hit = hits[activeIndex];
      if (showList && hit) {
        event.preventDefault();
        pick(hit);
      }
    } else if (event.key === "Escape" && showList) {
      // The first Escape only closes the list; a search input would also clear itself. A second one clears.
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div className="relative">
      <label htmlFor={`${listId}-input`} className={props.labelClassName ?? "mb-1.5 block text-sm font-medium text-zinc-800"}>
        {label}
      </label>
      <div className="relative">
        <input
          ref={inputRef}
          id={`${listId}-input`}
          type="search"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && hits[activeIndex] ? `${listId}-${activeIndex}` : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={maxLength}
          placeholder={placeholder}
          name={name}
          required={required}
          value={input}
          onChange={(event) => {
            onValueChange(event.target.value);
            keepOpen();
            setActive(0);
          }}
          onFocus={keepOpen}
          onBlur={() => {
            closing.current = setTimeout(() => setOpen(false), 120);
          }}
          onKeyDown={onKeyDown}
          className={props.inputClassName ?? SEARCH_INPUT_CLASS}
        />
        {isFetching ? (
          <span aria-hidden="true" className="absolute right-3 top-1/2 size-3.5 -translate-y-1/2 animate-spin rounded-full border-2 border-zinc-200 border-t-accent-500" />
        ) : null}
      </div>
      {showList && (message || expanded) ? (
        <div className="absolute z-20 mt-1 w-full overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-lg">
          {message ? (
            <p role={error ? "alert" : "status"} className={`px-3.5 py-2 text-sm ${error ? "text-red-700" : "text-zinc-500"}`}>
              {message}
            </p>
          ) : null}
          {expanded ? (
            <ul
              id={listId}
              role="listbox"
              aria-label={peopleOnly ? "People" : "People and organizations"}
              className="max-h-96 overflow-auto py-1"
            >
              {hits.map((hit, index) => (
                <li
                  key={`${hit.kind}:${hit.id}`}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === activeIndex}
                  onMouseDown={(event) => event.preventDefault()}
                  // Only a pointer that really moves takes the highlight: a list opening under a resting pointer
                  // (or the synthetic move a browser sends then, movement 0) must not change what Enter picks.
                  onMouseMove={(event) => {
                    if (event.movementX !== 0 || event.movementY !== 0) setActive(index);
                  }}
                  onClick={() => pick(hit)}
                  className={`flex cursor-pointer items-center gap-3 px-3.5 py-2 ${index === activeIndex ? "bg-accent-50" : ""}`}
                >
                  {hit.kind === "person" ? <Avatar name={hit.name} size="sm" /> : <OrgIcon />}
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium text-zinc-900">{hit.name}</span>
                    <span className="block truncate text-xs text-zinc-600">
                      {hit.kind === "person"
                        ? [hit.email, [hit.title, hit.organizationName].filter(Boolean).join(" at ")].filter(Boolean).join(" · ")
                        : [hit.domain, `${hit.people} ${hit.people === 1 ? "person" : "people"}`].filter(Boolean).join(" · ")}
                    </span>
                  </span>
                  {peopleOnly ? null : <span className="shrink-0 text-[11px] uppercase tracking-wide text-zinc-600">{hit.kind === "person" ? "person" : "company"}</span>}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function OrgIcon() {
  return (
    <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-md bg-zinc-100 text-zinc-500">
      <svg viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M3 14V3.5L9 2v12M9 6h4v8M1.5 14h13M5 5.5h2M5 8h2M5 10.5h2M11 8.5h0M11 11h0" strokeLinecap="round" />
      </svg>
    </span>
  );
}
