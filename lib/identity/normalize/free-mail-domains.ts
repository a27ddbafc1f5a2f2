// Free-mail (consumer) providers. An address at one of these says nothing about where a person works, so
// such domains never become organization keys and never count as "same email domain" evidence. Families
// that register the brand under many country TLDs (yahoo.co.uk, hotmail.fr, gmx.at, …) are matched by
// their brand label instead of listing every TLD.

const FREE_MAIL_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "passport.com",
  "yahoo.com", "ymail.com", "rocketmail.com", "icloud.com", "me.com", "mac.com", "aol.com", "aim.com",
  "proton.me", "protonmail.com", "protonmail.ch", "pm.me", "gmx.com", "gmx.net", "gmx.de", "web.de",
  "yandex.ru", "yandex.com", "ya.ru", "mail.ru", "inbox.ru", "list.ru", "bk.ru", "qq.com", "163.com",
  "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "aliyun.com", "naver.com", "hanmail.net",
  "daum.net", "zoho.com", "fastmail.com", "fastmail.fm", "tutanota.com", "tuta.io", "hey.com", "mail.com",
  "email.com", "usa.com", "inbox.com", "rediffmail.com", "libero.it", "virgilio.it", "tiscali.it",
  "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "t-online.de", "freenet.de",
  "btinternet.com", "sky.com", "talktalk.net", "comcast.net", "verizon.net", "att.net", "sbcglobal.net",
  "bellsouth.net", "cox.net", "charter.net", "earthlink.net", "optonline.net", "shaw.ca", "rogers.com",
  "sympatico.ca", "bigpond.com", "optusnet.com.au", "xtra.co.nz", "seznam.cz", "wp.pl", "o2.pl", "onet.pl",
  "interia.pl", "uol.com.br", "bol.com.br", "terra.com.br", "rambler.ru", "ukr.net", "abv.bg",
]);

/** Brands that register their free-mail service under many country domains. */
const FREE_MAIL_BRANDS = new Set(["gmail", "googlemail", "hotmail", "outlook", "live", "yahoo", "gmx", "yandex", "aol", "icloud", "protonmail"]);

export function isFreeMailDomain(domain: string): boolean {
  const lower = domain.trim().toLowerCase();
  if (FREE_MAIL_DOMAINS.has(lower)) return true;
  const labels = lower.split(".");
  // Only the first label of a short host is a brand ("yahoo.co.uk"), never a subdomain ("yahoo.acme.com").
  const brand = labels[0];
  return labels.length <= 3 && brand !== undefined && FREE_MAIL_BRANDS.has(brand) && labels.slice(1).every((label) => label.length <= 3);
}
