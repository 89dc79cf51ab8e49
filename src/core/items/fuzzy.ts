// Loose name matching: queue entries and suggester input name tracks the way people type them.

/** Case-, width-, space-, punctuation- and emphasis-insensitive form of a name. */
export function normalizeName(name: string): string {
  // NFKC folds full-width letters, digits, punctuation and U+3000 to their ASCII forms.
  return name.normalize("NFKC").toLowerCase().replace(/[\p{P}\p{S}\p{Z}\s]+/gu, "");
}

/** How an entry relates to a name; higher kinds beat lower ones, then fewer extra characters. */
export interface NameMatch {
  kind: 4 | 3 | 2 | 1;
  extra: number;
}

/**
 * 4: equal; 3: the name contains the entry; 2: the entry contains a name at least half its length
 * (so a one-letter track does not swallow every entry); 1: every character of the entry occurs in
 * the name (counted with multiplicity, any order). Both arguments must be normalised.
 */
export function compareNames(entry: string, name: string): NameMatch | null {
  if (entry.length === 0 || name.length === 0) return null;
  if (entry === name) return { kind: 4, extra: 0 };
  if (name.includes(entry)) return { kind: 3, extra: name.length - entry.length };
  if (entry.includes(name) && name.length * 2 >= entry.length) return { kind: 2, extra: entry.length - name.length };
  const available = new Map<string, number>();
  for (const ch of name) available.set(ch, (available.get(ch) ?? 0) + 1);
  for (const ch of entry) {
    const left = available.get(ch) ?? 0;
    if (left === 0) return null;
    available.set(ch, left - 1);
  }
  return { kind: 1, extra: [...name].length - [...entry].length };
}

/** Orders matches best first. */
export function betterMatch(a: NameMatch, b: NameMatch): number {
  return b.kind - a.kind || a.extra - b.extra;
}

/** Names that match `query`, best first (ties keep the input order). */
export function fuzzyFilter<T>(query: string, values: T[], nameOf: (value: T) => string): T[] {
  const wanted = normalizeName(query);
  if (wanted.length === 0) return [...values];
  const scored: { value: T; match: NameMatch; index: number }[] = [];
  values.forEach((value, index) => {
    const match = compareNames(wanted, normalizeName(nameOf(value)));
    if (match) scored.push({ value, match, index });
  });
  scored.sort((a, b) => betterMatch(a.match, b.match) || a.index - b.index);
  return scored.map((s) => s.value);
}

/** Up to `count` of `names` closest to `query`: loose matches first (`fuzzyFilter`), then by shared characters. */
export function closestNames(query: string, names: string[], count = 3): string[] {
  const distinct = [...new Set(names)];
  const out = fuzzyFilter(query, distinct, (name) => name).slice(0, count);
  if (out.length >= count) return out;
  const wanted = [...normalizeName(query)];
  const scored = distinct.filter((name) => !out.includes(name)).map((name, index) => {
    const left = [...normalizeName(name)];
    let shared = 0;
    for (const ch of wanted) {
      const at = left.indexOf(ch);
      if (at >= 0) {
        shared++;
        left.splice(at, 1);
      }
    }
    return { name, score: shared / Math.max(wanted.length, [...normalizeName(name)].length, 1), index };
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  for (const { name, score } of scored) if (out.length < count && score >= 0.5) out.push(name);
  return out;
}
