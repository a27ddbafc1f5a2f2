import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { assertFormat, detectFormat } from "./detect-format";
import { SourceFormatError } from "./errors";
import { fixturePath } from "./testing/helpers";
import { writeZip } from "./testing/write-zip";

const head = async (name: string) => (await readFile(fixturePath(name))).subarray(0, 1024);

describe("detectFormat", () => {
  it("recognizes every fixture from its first KB", async () => {
    expect(detectFormat(await head("linkedin-connections.csv"))).toBe("linkedin_connections");
    expect(detectFormat(await head("linkedin-connections-variant.csv"))).toBe("linkedin_connections");
    expect(detectFormat(await head("linkedin-messages.csv"))).toBe("linkedin_messages");
    expect(detectFormat(await head("google-contacts-old.csv"))).toBe("google_contacts");
    expect(detectFormat(await head("google-contacts-new.csv"))).toBe("google_contacts");
    expect(detectFormat(await head("contacts-v3.vcf"))).toBe("vcard");
    expect(detectFormat(await head("contacts-v4.vcf"))).toBe("vcard");
    expect(detectFormat(await head("gmail-takeout.mbox"))).toBe("mbox");
    expect(detectFormat(await head("calendar.ics"))).toBe("ics");
  });

  it("names what other files are", () => {
    expect(detectFormat(Buffer.alloc(0))).toBe("empty");
    expect(detectFormat(Buffer.from("%PDF-1.7\n"))).toBe("pdf");
    expect(detectFormat(Buffer.from("<!DOCTYPE html><html>"))).toBe("html");
    expect(detectFormat(Buffer.from('[{"id":"U1"}]'))).toBe("json");
    expect(detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBe("binary");
    expect(detectFormat(Buffer.from("First Name,Middle Name,Last Name,Title,Suffix,E-mail Address,Business Phone\n"))).toBe("outlook_csv");
    expect(detectFormat(Buffer.from("a,b,c\n1,2,3\n"))).toBe("csv");
    expect(detectFormat(writeZip([{ name: "channels.json", data: Buffer.from("[]") }]))).toBe("slack_export");
    expect(detectFormat(writeZip([{ name: "Connections.csv", data: Buffer.from("x") }]))).toBe("linkedin_archive");
    expect(detectFormat(writeZip([{ name: "Profile.csv", data: Buffer.from("x") }]))).toBe("zip");
    expect(detectFormat(writeZip([{ name: "[Content_Types].xml", data: Buffer.from("x") }]))).toBe("office");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("First Name,Middle Name,Last Name,Labels\r\n", "utf16le")]);
    expect(detectFormat(utf16)).toBe("google_contacts");
  });

  it("explains a wrong upload and where it belongs", async () => {
    expect(() => assertFormat("linkedin_connections", Buffer.from("From 1@xxx Wed Sep 02 08:15:00 +0000 2026\n"))).toThrow(SourceFormatError);
    expect(() => assertFormat("linkedin_connections", Buffer.from("From 1@xxx Wed Sep 02 08:15:00 +0000 2026\n"))).toThrow(
      'This looks like an mbox file (Gmail Takeout), not a LinkedIn Connections.csv export. Import it as the "gmail" source instead. Upload the zip from LinkedIn\'s "Get a copy of your data" as it came, or the Connections.csv in it.',
    );
    const calendar = await head("calendar.ics");
    expect(() => assertFormat("ics", calendar)).not.toThrow();
  });
});
