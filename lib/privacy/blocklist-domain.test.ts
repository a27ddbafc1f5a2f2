import { describe, expect, it } from "vitest";
import { ZBlocklistDomain } from "./blocklist";

describe("ZBlocklistDomain", () => {
  it("takes what people paste (an address, a URL, a www. host) as the email domain", () => {
    for (const input of ["ternaero.com", " TernAero.com ", "dana@ternaero.com", "https://www.ternaero.com/about?x=1", "www.ternaero.com", "ternaero.com."]) {
      expect(ZBlocklistDomain.parse(input)).toBe("ternaero.com");
    }
    expect(ZBlocklistDomain.parse("http://mail.stripe.co.uk/")).toBe("mail.stripe.co.uk");
  });

  it("refuses a bare word with a message that says what to enter", () => {
    const result = ZBlocklistDomain.safeParse("ternaero");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter a domain such as example.com.");
  });
});
