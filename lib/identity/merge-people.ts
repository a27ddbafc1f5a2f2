// The one merge implementation lives in merges/merge-people.ts (with the snapshot that undo needs);
// this path is kept for existing callers.
export { mergePeople, unionValues, ZMergePeopleInput, type MergePeopleResult, type TMergePeopleInput } from "./merges/merge-people";
