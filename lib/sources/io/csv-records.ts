// CSV exports with a preamble (LinkedIn's "Notes:") or without (Google Contacts): finds the header row,
// then streams the rest through csv-parse. Bad rows become issues, never crashes: an unclosed quote (a
// truncated file) is skipped and reported; invalid UTF-8 is replaced with U+FFFD and reported as a warning.
// In a format whose values never span lines (`singleLineRecords`: LinkedIn's Connections.csv), a value that
// opens a quote and never closes it would swallow the rows after it into one field; such a record is split
// back into its lines, each read on its own, and the line with the stray quote is reported and skipped.
import { Readable } from "node:stream";
import { parse, type CsvError, type Options as CsvParseOptions } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { detectFormat, wrongFormatError, type SourceFormat } from "../detect-format";
import { SourceFormatError } from "../errors";
import type { TParseIssue } from "../types";

export interface CsvRow {
  kind: "row";
  fields: string[];
  /** 1-based data row (header and preamble excluded). */
  row: number;
}

export interface CsvOpenOptions {
  expected: SourceFormat;
  /** Recognizes the header row from its (unquoted, trimmed) cells. */
  isHeader: (cells: string[]) => boolean;
  /** How many lines may precede the header; LinkedIn's preamble is 3-5 lines. */
  maxPreambleLines?: number;
  /** Shown in the error when no header is found, e.g. "First Name,Last Name,URL,…". */
  headerDescription: string;
  /** No value of this format contains a line break: a record spanning lines has a stray quote (see top). */
  singleLineRecords?: boolean;
}

export interface OpenedCsv {
  header: string[];
  rows: AsyncGenerator<CsvRow | TParseIssue>;
}

const MAX_PREAMBLE_BYTES = 256 * 1024;
const MAX_RECORD_CHARS = 1 << 20;

export async function openCsv(head: Buffer, chunks: AsyncGenerator<Buffer>, options: CsvOpenOptions): Promise<OpenedCsv> {
  const maxLines = options.maxPreambleLines ?? 0;
  let buffer = Buffer.alloc(0);
  let pos = 0;
  let linesSeen = 0;
  for (;;) {
    const nl = buffer.indexOf(0x0a, pos);
    if (nl === -1) {
      const next = await chunks.next();
      if (next.done) {
        // A file without a final newline may end on the header itself.
        if (pos < buffer.length && options.isHeader(splitHeader(buffer.subarray(pos)))) {
          return { header: splitHeader(buffer.subarray(pos)), rows: emptyRows() };
        }
        throw missingHeader(head, options);
      }
      // Only the line still being assembled counts against the limit: a large read chunk (1 MB) full of
      // data rows after the header is fine, one absurdly long preamble line is not.
      if (buffer.length - pos > MAX_PREAMBLE_BYTES) throw missingHeader(head, options);
      buffer = Buffer.concat([buffer.subarray(pos), next.value]);
      pos = 0;
      continue;
    }
    const cells = splitHeader(buffer.subarray(pos, nl));
    if (options.isHeader(cells)) {
      return { header: cells, rows: parseRows(buffer.subarray(nl + 1), chunks, options.singleLineRecords === true) };
    }
    linesSeen += 1;
    if (linesSeen > maxLines) throw missingHeader(head, options);
    pos = nl + 1;
  }
}

function missingHeader(head: Buffer, options: CsvOpenOptions): SourceFormatError {
  const found = detectFormat(head);
  if (found !== options.expected) return wrongFormatError(options.expected, found);
  return new SourceFormatError(
    "missing_header",
    `Could not find the header row (${options.headerDescription}) near the top of the file. The file may be cut off or edited; export it again.`,
  );
}

/** Header cells: unquoted, trimmed, without a byte-order mark. Headers never contain quoted commas. */
function splitHeader(line: Buffer): string[] {
  return line
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r$/, "")
    .split(",")
    .map((cell) => cell.trim().replace(/^"(.*)"$/, "$1").trim());
}

async function* emptyRows(): AsyncGenerator<CsvRow | TParseIssue> {}

const CSV_OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true } as const;

async function* parseRows(first: Buffer, rest: AsyncGenerator<Buffer>, singleLineRecords: boolean): AsyncGenerator<CsvRow | TParseIssue> {
  // Rows are numbered while parsing (on_record/on_skip run in file order, ahead of the consumer). What the
  // callbacks produce besides the record itself (issues, rows recovered from a split record) waits in
  // `pending`, which the consumer drains before each record, so everything comes out in file order.
  let row = 0;
  const pending: Array<CsvRow | TParseIssue> = [];
  /** A record that spans lines in a single-line format: each line read on its own. */
  const splitLines = (raw: string): void => {
    for (const line of raw.split(/\r\n|\n|\r/)) {
      if (line.trim() === "") continue;
      row += 1;
      try {
        const [fields] = parseSync(line, CSV_OPTIONS) as string[][];
        pending.push(fields ? { kind: "row", fields, row } : strayQuoteIssue(row));
      } catch {
        pending.push(strayQuoteIssue(row));
      }
    }
  };
  const spansLines = (raw: string | undefined): raw is string => singleLineRecords && raw !== undefined && /[\r\n]./.test(raw.trimEnd());
  // on_record turns each record into a CsvRow (numbered), which csv-parse's typings do not model.
  const options: CsvParseOptions<CsvRow, string[] | { record: string[]; raw: string }> = {
    ...CSV_OPTIONS,
    // Names like `Dana "DJ" Smith` appear unquoted in real exports.
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    raw: singleLineRecords,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      if (spansLines(raw)) {
        splitLines(raw);
        return undefined;
      }
      row += 1;
      pending.push(skippedRowIssue(row, error));
      return undefined;
    },
    on_record: (parsed: string[] | { record: string[]; raw: string }) => {
      const fields = Array.isArray(parsed) ? parsed : parsed.record;
      if (!Array.isArray(parsed) && fields.some((field) => /[\r\n]/.test(field)) && spansLines(parsed.raw)) {
        splitLines(parsed.raw);
        return null;
      }
      row += 1;
      const record: CsvRow = { kind: "row", fields, row };
      return record;
    },
  };
  const parser = parse(options as unknown as CsvParseOptions);
  async function* source(): AsyncGenerator<Buffer> {
    if (first.length > 0) yield first;
    yield* rest;
  }
  const input = Readable.from(source());
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);

  /** Queued items from before `beforeRow` (all of them when it is omitted), in file order. */
  function* drain(beforeRow = Number.POSITIVE_INFINITY): Generator<CsvRow | TParseIssue> {
    while (pending.length > 0 && rowOf(pending[0] as CsvRow | TParseIssue) < beforeRow) {
      const item = pending.shift() as CsvRow | TParseIssue;
      if (item.kind === "row") yield* withEncodingCheck(item);
      else yield item;
    }
  }
  try {
    for await (const record of parser as AsyncIterable<CsvRow>) {
      yield* drain(record.row);
      yield* withEncodingCheck(record);
    }
    yield* drain();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("CSV_")) {
      throw new SourceFormatError("invalid_csv", `The file stops being valid CSV near row ${row + 1} (${(error as Error).message}).`, { cause: error });
    }
    throw error;
  } finally {
    // Also runs when the consumer stops early: release the input rather than leave it paused.
    input.destroy();
  }
}

function* withEncodingCheck(record: CsvRow): Generator<CsvRow | TParseIssue> {
  if (record.fields.some((field) => field.includes("\uFFFD"))) yield invalidEncoding(record.row);
  yield record;
}

const rowOf = (item: CsvRow | TParseIssue): number => (item.kind === "row" ? item.row : (item.position.row ?? 0));

function strayQuoteIssue(row: number): TParseIssue {
  return {
    kind: "issue",
    severity: "skip",
    code: "invalid_row",
    reason: `Row ${row} has a quote (") that is never closed, so it was skipped; the rows after it were read normally. Fix the quote in the file and import it again to add this row.`,
    position: { row },
  };
}

function invalidEncoding(row: number): TParseIssue {
  return {
    kind: "issue",
    severity: "warn",
    code: "invalid_encoding",
    reason: `Row ${row} contains bytes that are not valid UTF-8; they were replaced with "\uFFFD". Re-export the file as UTF-8 if names look wrong.`,
    position: { row },
  };
}

function skippedRowIssue(row: number, error: CsvError | undefined): TParseIssue {
  const truncated = error?.code === "CSV_QUOTE_NOT_CLOSED";
  return {
    kind: "issue",
    severity: "skip",
    code: truncated ? "truncated" : "invalid_row",
    reason: truncated
      ? `Row ${row}: the file ends inside a quoted field, so it looks truncated; the last row was skipped. Export the file again if rows are missing.`
      : `Row ${row} could not be read as CSV (${error?.message ?? "unknown error"}) and was skipped.`,
    position: { row },
  };
}
