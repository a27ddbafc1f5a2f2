// Fictional but plausible companies for the demo network. `tier` sets the relative headcount in the demo
// (the generator spreads the people total by tier weight); `emailPattern` is the company's address format,
// because real companies differ and identity resolution has to cope with every one of them.
// `partners` is filled by the generator (customers, investors, vendors): most cross-company ties go there.

export type CompanyTier = "large" | "mid" | "small";
export type EmailPattern = "first.last" | "first" | "flast" | "firstl";

export interface CompanySpec {
  name: string;
  domain: string;
  industry: string;
  hq: string;
  tier: CompanyTier;
  emailPattern: EmailPattern;
}

export const TIER_WEIGHT: Readonly<Record<CompanyTier, number>> = { large: 6, mid: 2.5, small: 1 };

const c = (name: string, domain: string, industry: string, hq: string, tier: CompanyTier, emailPattern: EmailPattern): CompanySpec => ({
  name, domain, industry, hq, tier, emailPattern,
});

export const DEMO_COMPANIES: readonly CompanySpec[] = [
  c("Brightlane Payments", "brightlane.com", "Fintech", "San Francisco, CA", "large", "first.last"),
  c("Cobaltline Security", "cobaltline.io", "Cybersecurity", "Boston, MA", "large", "first.last"),
  c("Meridian Health Cloud", "meridianhealthcloud.com", "Health tech", "Nashville, TN", "large", "first.last"),
  c("Tallgrass Logistics", "tallgrasslogistics.com", "Supply chain software", "Chicago, IL", "large", "flast"),
  c("Orchard Commerce", "orchardcommerce.com", "E-commerce platform", "Seattle, WA", "large", "first.last"),
  c("Halcyon Robotics", "halcyonrobotics.com", "Industrial robotics", "Pittsburgh, PA", "large", "first.last"),
  c("Vantage Ledger", "vantageledger.com", "Accounting software", "New York, NY", "large", "flast"),
  c("Skyforge Compute", "skyforge.cloud", "Cloud infrastructure", "Seattle, WA", "large", "first.last"),
  c("Pinecrest Data", "pinecrestdata.com", "Data warehousing", "Denver, CO", "mid", "first.last"),
  c("Lumora AI", "lumora.ai", "Applied AI", "San Francisco, CA", "mid", "first"),
  c("Tidewater Energy Systems", "tidewaterenergy.com", "Climate tech", "Houston, TX", "mid", "first.last"),
  c("Copperleaf Insurance Tech", "copperleaf-insure.com", "Insurtech", "Hartford, CT", "mid", "first.last"),
  c("Northgate Learning", "northgatelearning.com", "Edtech", "Austin, TX", "mid", "firstl"),
  c("Ironbark Networks", "ironbarknet.com", "Networking", "San Jose, CA", "mid", "flast"),
  c("Solstice Biometrics", "solsticebio.com", "Biotech software", "San Diego, CA", "mid", "first.last"),
  c("Redwood Row Analytics", "redwoodrow.io", "Product analytics", "Oakland, CA", "mid", "first"),
  c("Cascadia Mobility", "cascadiamobility.com", "Mobility", "Portland, OR", "mid", "first.last"),
  c("Granite Peak HR", "granitepeakhr.com", "HR software", "Salt Lake City, UT", "mid", "first.last"),
  c("Bluefin Maritime Tech", "bluefinmaritime.com", "Logistics", "Miami, FL", "mid", "flast"),
  c("Atlas Foundry", "atlasfoundry.dev", "Developer tools", "Brooklyn, NY", "mid", "first"),
  c("Willowbrook Legal Tech", "willowbrooklegal.com", "Legal tech", "Washington, DC", "mid", "first.last"),
  c("Kinetic Grid", "kineticgrid.energy", "Energy software", "Denver, CO", "mid", "first.last"),
  c("Sable Identity", "sableidentity.com", "Identity & access", "Atlanta, GA", "mid", "firstl"),
  c("Marigold Retail Systems", "marigoldretail.com", "Retail tech", "Minneapolis, MN", "mid", "first.last"),
  c("Everfield Agritech", "everfield.ag", "Agritech", "Des Moines, IA", "mid", "first.last"),
  c("Juniper Signal", "junipersignal.com", "Observability", "Toronto, ON", "mid", "first.last"),
  c("Quarry Labs", "quarrylabs.dev", "Developer tools", "Remote", "small", "first"),
  c("Fennel Health", "fennelhealth.co", "Digital health", "Boston, MA", "small", "first"),
  c("Parallax Studio", "parallaxstudio.design", "Design agency", "Los Angeles, CA", "small", "first"),
  c("Wrenfield Capital", "wrenfield.vc", "Venture capital", "Menlo Park, CA", "small", "first"),
  c("Beacon Hill Ventures", "beaconhill.vc", "Venture capital", "Boston, MA", "small", "first.last"),
  c("Stratus Forge", "stratusforge.io", "Infrastructure automation", "Raleigh, NC", "small", "first"),
  c("Lanternfish", "lanternfish.app", "Consumer apps", "Brooklyn, NY", "small", "first"),
  c("Ocotillo Payroll", "ocotillopay.com", "Payroll", "Phoenix, AZ", "small", "first.last"),
  c("Mosaic Clinical", "mosaicclinical.com", "Clinical trials software", "Philadelphia, PA", "small", "flast"),
  c("Driftwood Games", "driftwoodgames.com", "Gaming", "Vancouver, BC", "small", "first"),
  c("Harrow Robotics", "harrowrobotics.com", "Agricultural robotics", "Fresno, CA", "small", "first.last"),
  c("Kelpie Security", "kelpiesec.io", "Cybersecurity", "Dublin, IE", "small", "first"),
  c("Tessera Maps", "tesseramaps.com", "Geospatial data", "Boulder, CO", "small", "first"),
  c("Amberjack Freight", "amberjackfreight.com", "Freight marketplace", "Dallas, TX", "small", "flast"),
  c("Pellucid Search", "pellucid.ai", "Enterprise search", "Palo Alto, CA", "small", "first"),
  c("Birchway Property Tech", "birchway.com", "Proptech", "Charlotte, NC", "small", "first.last"),
  c("Corvid Compliance", "corvidcompliance.com", "Regtech", "London, UK", "small", "first.last"),
  c("Nimbus Kitchen", "nimbuskitchen.com", "Food tech", "Chicago, IL", "small", "first"),
  c("Saltmarsh Bio", "saltmarshbio.com", "Synthetic biology", "Cambridge, MA", "small", "first.last"),
  c("Ridgeback Telematics", "ridgebacktelematics.com", "Fleet telematics", "Detroit, MI", "small", "flast"),
  c("Verdant Carbon", "verdantcarbon.earth", "Carbon accounting", "Berlin, DE", "small", "first.last"),
  c("Quillfeather Docs", "quillfeather.app", "Productivity software", "Remote", "small", "first"),
  c("Obsidian Payments", "obsidianpay.eu", "Payments", "Amsterdam, NL", "small", "first.last"),
  c("Foxglove Pharma Data", "foxglovedata.com", "Pharma analytics", "Princeton, NJ", "small", "flast"),
  c("Tern Aerospace", "ternaero.com", "Aerospace", "Long Beach, CA", "small", "first.last"),
  c("Cinder Voice", "cindervoice.ai", "Voice AI", "Austin, TX", "small", "first"),
  c("Palisade Insurance", "palisadeins.com", "Insurance", "Columbus, OH", "small", "first.last"),
  c("Gable Homes Software", "gablehomes.io", "Construction tech", "Nashville, TN", "small", "first"),
  c("Starling Talent", "starlingtalent.com", "Recruiting", "New York, NY", "small", "first.last"),
  c("Moonrise Media", "moonrisemedia.co", "Media", "Los Angeles, CA", "small", "first"),
];

/** Free-mail domains for personal addresses (identity resolution must not map these to an organization). */
export const PERSONAL_EMAIL_DOMAINS: readonly string[] = ["gmail.com", "gmail.com", "gmail.com", "outlook.com", "icloud.com", "yahoo.com", "proton.me", "hey.com"];

/** Area codes for fictional numbers: +1 <area> 555-01xx is the range reserved for fiction. */
export const AREA_CODES: readonly string[] = ["415", "650", "212", "646", "617", "206", "512", "312", "303", "404", "213", "202", "305", "615", "919", "503"];
