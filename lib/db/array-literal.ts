// PostgreSQL array literals for the parameters of bulk statements (one `unnest` over thousands of rows).
// Given a JS array, node-postgres quotes every element and escapes it with two regular-expression
// replacements; for values that can never need quoting (uuids, numbers, ISO 8601 instants, base64, source
// and channel names) that was ~5 % of a full recompute's CPU. These build the literal directly and refuse
// (throw) any value that would need quoting, so a wrong caller fails loudly instead of writing wrong data.

/** Characters an unquoted array element may hold here (no comma, brace, quote, backslash or space). */
const TOKEN = /^[A-Za-z0-9_+/=:.@-]+$/;

function checked(value: string): string {
  if (!TOKEN.test(value)) throw new Error(`Not a plain array token: ${JSON.stringify(value.slice(0, 80))}`);
  return value;
}

/** An unquoted NULL (any case) is the null element: quote it so it stays text. */
const element = (value: string): string => (value.length === 4 && value.toUpperCase() === "NULL" ? `"${value}"` : value);

/**
 * `{a,b,…}` of plain tokens or finite numbers; null becomes NULL. Cast it in SQL to the column's array type
 * (`$1::uuid[]`, `$2::float8[]`, `$3::text[]`).
 */
export function tokenArrayLiteral(values: ReadonlyArray<string | number | null>): string {
  const parts = new Array<string>(values.length);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    if (value === null || value === undefined) parts[index] = "NULL";
    else if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
      parts[index] = String(value);
    } else parts[index] = element(checked(value));
  }
  return `{${parts.join(",")}}`;
}

/** The separator of textListsLiteral's lists: a control character no source or channel name contains. */
export const TEXT_LIST_SEPARATOR = "\u001f";

/** Characters that need no quoting in an element: TOKEN's, and the list separator. */
const LIST_ELEMENT = /^[A-Za-z0-9_+/=:.@\u001f-]+$/;

/**
 * One text element per row, each a list of strings joined by U+001F (an empty list is ""): per-row text[]
 * values such as an edge's sources. Split in SQL with `string_to_array(element, E'\x1f')` ('' gives '{}').
 * Plain names go unquoted; anything else is quoted and escaped. A string containing U+001F is refused.
 */
export function textListsLiteral(lists: ReadonlyArray<readonly string[]>): string {
  const parts = new Array<string>(lists.length);
  for (let index = 0; index < lists.length; index += 1) {
    const list = lists[index] as readonly string[];
    for (const item of list) if (item.includes(TEXT_LIST_SEPARATOR)) throw new Error(`A list item contains U+001F: ${JSON.stringify(item.slice(0, 80))}`);
    const joined = list.join(TEXT_LIST_SEPARATOR);
    parts[index] = LIST_ELEMENT.test(joined) ? element(joined) : `"${joined.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  }
  return `{${parts.join(",")}}`;
}

/**
 * `{"a","b",…}` with every element quoted and escaped: for values that may hold anything (people's keys:
 * addresses, handles). Used as one text element per row and cast in SQL (`x::text[]`).
 */
export function quotedArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}
