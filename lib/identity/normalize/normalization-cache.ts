// Memoizes the per-value normalizers for one resolution run. Sources repeat values heavily (every record
// of a company spells its name one of a few ways, titles come from a short list, a person's address and
// number recur in each of their records), and parsing is the largest cost of normalizing 100k records.
// A cache belongs to one run: the phone region is fixed when it is created.
import { isFreeMailDomain } from "./free-mail-domains";
import { parseEmail, type EmailParts } from "./normalize-email";
import { normalizeLinkedInUrl } from "./normalize-linkedin";
import { parseName, type ParsedName } from "./normalize-name";
import { organizationDomain, organizationDomainOfMailDomain, organizationKey } from "./normalize-organization";
import { normalizePhone, type PhoneOptions } from "./normalize-phone";
import { normalizeTitle } from "./normalize-title";

class Memo<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly compute: (raw: string) => T) {}

  get(raw: string): T {
    const known = this.values.get(raw);
    if (known !== undefined) return known;
    const value = this.compute(raw);
    this.values.set(raw, value);
    return value;
  }
}

export class NormalizationCache {
  readonly name = new Memo<ParsedName | null>(parseName);
  readonly email = new Memo<EmailParts | null>(parseEmail);
  readonly phone: Memo<string | null>;
  readonly linkedin = new Memo<string | null>(normalizeLinkedInUrl);
  readonly organizationKey = new Memo<string | null>(organizationKey);
  readonly organizationDomain = new Memo<string | null>(organizationDomain);
  readonly mailDomainOrganization = new Memo<string | null>(organizationDomainOfMailDomain);
  readonly freeMail = new Memo<boolean>(isFreeMailDomain);
  readonly title = new Memo<string[] | null>(normalizeTitle);

  constructor(options: PhoneOptions = {}) {
    this.phone = new Memo((raw) => normalizePhone(raw, options));
  }
}
