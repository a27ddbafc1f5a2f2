// The typeahead's request and response, shared by GET /api/search and the search screen (browser-safe).
import { z } from "zod";

export const TYPEAHEAD_MAX_LIMIT = 20;
export const TYPEAHEAD_DEFAULT_LIMIT = 8;

export const ZTypeaheadQuery = z.object({
  q: z.string().trim().min(1, "type at least one character").max(100, "at most 100 characters"),
  limit: z.coerce.number().int().min(1).max(TYPEAHEAD_MAX_LIMIT).default(TYPEAHEAD_DEFAULT_LIMIT),
});
export type TTypeaheadQuery = z.infer<typeof ZTypeaheadQuery>;

export interface PersonHit {
  kind: "person";
  id: string;
  name: string;
  /** The first email address, shown under the name so namesakes can be told apart. */
  email: string | null;
  title: string | null;
  organizationName: string | null;
}

export interface OrganizationHit {
  kind: "organization";
  id: string;
  name: string;
  domain: string | null;
  /** Current (visible) people at the organization. */
  people: number;
}

export type TypeaheadHit = PersonHit | OrganizationHit;

export interface TypeaheadResponse {
  q: string;
  hits: TypeaheadHit[];
}
