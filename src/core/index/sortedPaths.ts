// A sorted array of distinct strings, kept sorted one insert or removal at a time.

export function insertSorted(list: string[], value: string): void {
  const at = lowerBound(list, value);
  if (list[at] !== value) list.splice(at, 0, value);
}

export function removeSorted(list: string[], value: string): void {
  const at = lowerBound(list, value);
  if (list[at] === value) list.splice(at, 1);
}

function lowerBound(list: string[], value: string): number {
  // Notes usually arrive in path order at start-up: appending is the common case.
  if (list.length === 0 || list[list.length - 1] < value) return list.length;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
