/** The map key of an unordered pair of person ids: "smaller larger". */
export const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);
