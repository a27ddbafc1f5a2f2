// Deterministic synthetic LinkedIn Connections.csv (with the "Notes:" preamble and CRLF line endings) for
// the crash test and the import benchmark. Mostly empty emails, quoted commas, URLs that vary in case and
// trailing slash, and a few hundred companies, as in real exports.

const FIRST = ["Dana", "Marcus", "Li", "José", "Priya", "Zoë", "Aiko", "Tom", "Ana", "Sam", "Olu", "Mei", "Ivan", "Sara", "Noah", "Léa"];
const LAST = ["Smith", "Okafor", "Wei", "García", "Raman", "Müller", "Tanaka", "O'Brien", "Souza", "Lee", "Adeyemi", "Chen", "Petrov", "Nilsson"];
const TITLES = ["Engineer", "Head of Partnerships", "VP, Engineering", "Product Manager", "Founder & CEO", "Designer", "Recruiter", "Data Scientist"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const PREAMBLE =
  'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\r\n\r\n';
const HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Row i of the export (0-based). */
export function connectionRow(i: number): string {
  const first = FIRST[i % FIRST.length] as string;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
  const slug = `${first}-${last}-${i.toString(36)}`.toLowerCase().normalize("NFD").replace(/[^a-z0-9-]/g, "");
  const url = `https://www.linkedin.com/in/${i % 7 === 0 ? slug.toUpperCase() : slug}${i % 3 === 0 ? "/" : ""}`;
  const company = i % 11 === 0 ? `Company ${i % 300}, Inc.` : `Company ${i % 300}`;
  const email = i % 6 === 0 ? `${slug}@company${i % 300}.example` : "";
  const date = `${String(1 + (i % 28)).padStart(2, "0")} ${MONTHS[i % 12]} ${2015 + (i % 11)}`;
  return [first, last, url, email, company, TITLES[i % TITLES.length] as string, date].map(csvField).join(",");
}

/** The file in chunks of `batch` rows. */
export function* generateLinkedInConnections(options: { rows: number; batch?: number }): Generator<string> {
  const batch = options.batch ?? 1000;
  yield PREAMBLE + HEADER;
  for (let start = 0; start < options.rows; start += batch) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(options.rows, start + batch); i += 1) lines.push(connectionRow(i));
    yield `${lines.join("\r\n")}\r\n`;
  }
}
