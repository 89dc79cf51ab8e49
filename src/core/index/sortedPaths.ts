// A sorted array of distinct strings, kept sorted one insert or removal at a time.
import { lowerBound } from "../base";

export function insertSorted(list: string[], value: string): void {
  // Notes usually arrive in path order at start-up: appending is the common case.
  const at = list.length === 0 || list[list.length - 1] < value ? list.length : lowerBound(list, value);
  if (list[at] !== value) list.splice(at, 0, value);
}

export function removeSorted(list: string[], value: string): void {
  const at = lowerBound(list, value);
  if (list[at] === value) list.splice(at, 1);
}
