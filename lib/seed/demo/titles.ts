// Departments and job titles for demo people. Leadership titles are handed out in order (every company
// has a CEO before it has a VP of Marketing); everyone else gets a department and a seniority level.

export type Department =
  | "leadership" | "engineering" | "product" | "design" | "data" | "sales" | "marketing"
  | "customer_success" | "operations" | "finance" | "people" | "partnerships";

export type StaffDepartment = Exclude<Department, "leadership">;

/** Departments whose people meet outsiders for a living: more external ties, more visible to outsiders. */
export const OUTWARD_DEPARTMENTS: ReadonlySet<Department> = new Set(["leadership", "sales", "partnerships", "people"]);

export const LEADERSHIP_TITLES: readonly string[] = [
  "Chief Executive Officer", "Chief Technology Officer", "VP of Sales", "VP of Engineering", "Chief Operating Officer",
  "VP of Product", "VP of Marketing", "Chief Financial Officer", "Head of People", "VP of Customer Success",
  "Head of Partnerships", "Chief Data Officer", "VP of Design", "General Counsel", "VP of Business Development",
];

/** Small companies' first two leaders are usually founders. */
export const FOUNDER_TITLES: readonly string[] = ["Co-founder & CEO", "Co-founder & CTO"];

// Relative headcount per department outside leadership.
export const DEPARTMENT_WEIGHTS: ReadonlyArray<readonly [StaffDepartment, number]> = [
  ["engineering", 36], ["product", 7], ["design", 5], ["data", 6], ["sales", 13], ["marketing", 7],
  ["customer_success", 8], ["operations", 6], ["finance", 4], ["people", 4], ["partnerships", 4],
];

// Four rungs: early career, mid, senior, lead/manager.
export const TITLES_BY_DEPARTMENT: Readonly<Record<StaffDepartment, readonly [string, string, string, string]>> = {
  engineering: ["Software Engineer", "Software Engineer II", "Senior Software Engineer", "Engineering Manager"],
  product: ["Associate Product Manager", "Product Manager", "Senior Product Manager", "Group Product Manager"],
  design: ["Product Designer", "Product Designer", "Senior Product Designer", "Design Lead"],
  data: ["Data Analyst", "Data Scientist", "Senior Data Scientist", "Data Engineering Manager"],
  sales: ["Sales Development Representative", "Account Executive", "Senior Account Executive", "Regional Sales Director"],
  marketing: ["Marketing Coordinator", "Product Marketing Manager", "Senior Marketing Manager", "Director of Marketing"],
  customer_success: ["Support Specialist", "Customer Success Manager", "Senior Customer Success Manager", "Director of Customer Success"],
  operations: ["Operations Associate", "Business Operations Manager", "Senior Operations Manager", "Director of Operations"],
  finance: ["Financial Analyst", "Senior Financial Analyst", "Controller", "Director of Finance"],
  people: ["Recruiting Coordinator", "Technical Recruiter", "Senior Talent Partner", "Head of Talent"],
  partnerships: ["Partnerships Associate", "Partner Manager", "Senior Partner Manager", "Director of Partnerships"],
};

/** Seniority rung weights: most people are mid-level, few are managers. */
export const SENIORITY_WEIGHTS: readonly number[] = [25, 40, 25, 10];

export const INDEPENDENT_TITLES: readonly string[] = [
  "Angel Investor", "Independent Consultant", "Board Advisor", "Fractional CFO", "Executive Coach", "Startup Advisor", "Fractional CMO",
];
