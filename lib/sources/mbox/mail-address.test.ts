import { describe, expect, it } from "vitest";
import { parseAddressList } from "./mail-address";

describe("parseAddressList", () => {
  it("reads the address forms real mail uses", () => {
    expect(parseAddressList('"Smith, Dana" <Dana@Stripe.com>, Marcus Okafor <marcus@example.org>')).toEqual([
      { email: "dana@stripe.com", name: "Smith, Dana" },
      { email: "marcus@example.org", name: "Marcus Okafor" },
    ]);
    expect(parseAddressList("li@wei.example (Li Wei), <bare@x.example>, plain@y.example")).toEqual([
      { email: "li@wei.example", name: "Li Wei" },
      { email: "bare@x.example" },
      { email: "plain@y.example" },
    ]);
    // A quoted name may hold an address of its own (Outlook writes "Dana <dana@x>" <dana@x>).
    expect(parseAddressList('"John Doe <john@old.example>" <john@new.example>, "Dana <dana@x.example>" <dana@x.example>')).toEqual([
      { email: "john@new.example", name: "John Doe" },
      { email: "dana@x.example", name: "Dana" },
    ]);
  });

  it("decodes RFC 2047 names and ignores group names", () => {
    expect(parseAddressList("=?UTF-8?B?Wm/DqyBNw7xsbGVy?= <zoe@x.example>")).toEqual([{ email: "zoe@x.example", name: "Zoë Müller" }]);
    expect(parseAddressList("=?ISO-8859-1?Q?Ren=E9?= Petit <rene@x.example>")).toEqual([{ email: "rene@x.example", name: "René Petit" }]);
    expect(parseAddressList("Team: a@x.example, b@x.example;, undisclosed-recipients:;")).toEqual([{ email: "a@x.example" }, { email: "b@x.example" }]);
  });

  it("drops what is not an address and a name equal to the address", () => {
    expect(parseAddressList("Nobody, @x, y@, <a@b.example> ")).toEqual([{ email: "a@b.example" }]);
    expect(parseAddressList('"a@b.example" <a@b.example>')).toEqual([{ email: "a@b.example" }]);
    expect(parseAddressList(undefined)).toEqual([]);
  });
});
