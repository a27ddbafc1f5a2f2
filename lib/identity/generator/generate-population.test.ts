import { describe, expect, it } from "vitest";
import { normalizePhone } from "../normalize/normalize-phone";
import { normalizeEmail } from "../normalize/normalize-email";
import { normalizeOrganizationName } from "../normalize/normalize-organization";
import { parseName } from "../normalize/normalize-name";
import { generatePopulation } from "./generate-population";

describe("generatePopulation", () => {
  const population = generatePopulation({ records: 3_000, seed: 9 });
  const { records } = population;

  it("is deterministic per seed and makes exactly the requested number of labelled records", () => {
    expect(generatePopulation({ records: 3_000, seed: 9 })).toEqual(population);
    expect(generatePopulation({ records: 3_000, seed: 10 }).records).not.toEqual(records);
    expect(records).toHaveLength(3_000);
    expect(new Set(records.map((record) => record.id)).size).toBe(3_000);
    expect(records.every((record) => /^E\d{6}$/.test(record.entityId))).toBe(true);
  });

  it("gives people about 2.5 records each, from every source", () => {
    expect(records.length / population.entityCount).toBeGreaterThan(2.2);
    expect(records.length / population.entityCount).toBeLessThan(2.8);
    expect(new Set(records.map((record) => record.source))).toEqual(new Set(["linkedin", "contacts", "calendar", "phone", "slack", "crm"]));
  });

  it("writes phones and emails that normalize (noise is in the spelling, not in validity)", () => {
    for (const record of records) {
      for (const phone of record.phones ?? []) expect(normalizePhone(phone), phone).not.toBeNull();
      for (const email of record.emails ?? []) expect(normalizeEmail(email), email).not.toBeNull();
    }
  });

  it("never gives one canonical address to two people", () => {
    const owner = new Map<string, string>();
    for (const record of records) {
      for (const email of record.emails ?? []) {
        const canonical = normalizeEmail(email) ?? email;
        expect(owner.get(canonical) ?? record.entityId, canonical).toBe(record.entityId);
        owner.set(canonical, record.entityId);
      }
    }
  });

  it("contains the documented kinds of noise", () => {
    const names = records.flatMap((record) => record.names ?? []);
    expect(names.some((name) => name.includes(","))).toBe(true); // "Last, First"
    expect(names.some((name) => /^[A-Z]\. /.test(name))).toBe(true); // initials
    expect(names.some((name) => name === name.toUpperCase() && /[A-Z]/.test(name))).toBe(true); // case
    expect(names.some((name) => /^(Bob|Bill|Liz|Kate|Mike|Jim|Tom|Dave|Joe|Chris) /.test(name))).toBe(true); // nicknames
    const emails = records.flatMap((record) => record.emails ?? []);
    expect(emails.some((email) => /\+.*@gmail\.com$|@googlemail\.com$/i.test(email))).toBe(true); // Gmail variants
    expect(records.some((record) => record.names === undefined)).toBe(true); // missing fields
  });

  it("includes job changes and different people sharing a generic name at one company", () => {
    const byEntity = new Map<string, typeof records>();
    for (const record of records) byEntity.set(record.entityId, [...(byEntity.get(record.entityId) ?? []), record]);
    const employers = (list: typeof records) => new Set(list.flatMap((record) => (record.organizationName ? [normalizeOrganizationName(record.organizationName)] : [])));
    expect([...byEntity.values()].some((list) => employers(list).size > 1)).toBe(true);

    const peopleByNameAndEmployer = new Map<string, Set<string>>();
    for (const record of records) {
      const name = record.names?.[0] ? parseName(record.names[0])?.key : undefined;
      const employer = record.organizationName ? normalizeOrganizationName(record.organizationName) : undefined;
      if (!name || !employer) continue;
      const key = `${name}@${employer}`;
      peopleByNameAndEmployer.set(key, (peopleByNameAndEmployer.get(key) ?? new Set()).add(record.entityId));
    }
    expect([...peopleByNameAndEmployer.values()].some((people) => people.size > 1)).toBe(true);
  });
});
