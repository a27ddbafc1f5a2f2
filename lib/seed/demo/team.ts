// The demo's own team: the company whose members use WIG to find warm intros. Their people are fixed
// (not drawn from the PRNG) so their emails are stable constants: the sign-in setup creates an admin and a
// member user linked to the Person rows with these emails. The generator gives the team many ties across
// the whole network, so intro paths from them are interesting (2–3 hops reach most companies).

export const DEMO_TEAM_ORGANIZATION = {
  name: "Kestrel Row Ventures",
  domain: "kestrelrow.vc",
  industry: "Venture capital",
  hq: "San Francisco, CA",
} as const;

export interface TeamMemberSpec {
  first: string;
  last: string;
  email: string;
  title: string;
  /** How many people outside the team this member knows (before de-duplication). */
  externalTies: number;
}

export const DEMO_TEAM: readonly TeamMemberSpec[] = [
  { first: "Amara", last: "Okafor", email: "amara.okafor@kestrelrow.vc", title: "Managing Partner", externalTies: 120 },
  { first: "Daniel", last: "Reyes", email: "daniel.reyes@kestrelrow.vc", title: "Principal", externalTies: 80 },
  { first: "Hannah", last: "Lindqvist", email: "hannah.lindqvist@kestrelrow.vc", title: "Partner", externalTies: 100 },
  { first: "Vikram", last: "Iyer", email: "vikram.iyer@kestrelrow.vc", title: "Head of Platform", externalTies: 70 },
  { first: "Grace", last: "Mwangi", email: "grace.mwangi@kestrelrow.vc", title: "Associate", externalTies: 50 },
  { first: "Lukas", last: "Becker", email: "lukas.becker@kestrelrow.vc", title: "Venture Partner", externalTies: 65 },
];

/**
 * Emails of the team's Person rows: [0] becomes the demo admin user and [1] the demo member user.
 * The rest are teammates, so "paths from anyone on the team" has several starting points.
 */
export const DEMO_TEAM_EMAILS = [
  "amara.okafor@kestrelrow.vc",
  "daniel.reyes@kestrelrow.vc",
  "hannah.lindqvist@kestrelrow.vc",
  "vikram.iyer@kestrelrow.vc",
  "grace.mwangi@kestrelrow.vc",
  "lukas.becker@kestrelrow.vc",
] as const;

export const DEMO_ADMIN_EMAIL = DEMO_TEAM_EMAILS[0];
export const DEMO_MEMBER_EMAIL = DEMO_TEAM_EMAILS[1];
