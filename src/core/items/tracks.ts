// A track is a heading in a note: `## LeetCode` in last term's plan and in this term's are two tracks.
// Rolling, progress and the sidebar keep them apart by a key made of the note's path and the name.
import { flatString, type Item } from "../base";
import { closestNames } from "./fuzzy";
import { noteName } from "./parse";

/** `path` and track name joined by a newline (which neither a path nor a heading can hold). */
export type TrackKey = string;

/** Flat: keys are looked up in Maps after every edit. */
export const trackKey = (path: string, name: string): TrackKey => flatString(`${path}\n${name}`);
export const trackKeyOf = (item: Pick<Item, "path" | "track">): TrackKey => trackKey(item.path, item.track);

export function splitTrackKey(key: TrackKey): { path: string; name: string } {
  const at = key.indexOf("\n");
  return at < 0 ? { path: "", name: key } : { path: key.slice(0, at), name: key.slice(at + 1) };
}

/** Items by track (note and heading), tracks in order of their first item. */
export function groupByTrack(items: readonly Item[]): Map<TrackKey, Item[]> {
  const groups = new Map<TrackKey, Item[]>();
  let last: Item | undefined;
  let list: Item[] | undefined;
  for (const item of items) {
    // Items of one track mostly follow each other: a key is made only when the track changes.
    if (!last || !list || item.path !== last.path || item.track !== last.track) {
      const key = trackKeyOf(item);
      list = groups.get(key);
      if (!list) groups.set(key, (list = []));
    }
    list.push(item);
    last = item;
  }
  return groups;
}

/** Track names that are headings in more than one note: beside these a view shows the note's name. */
export function namesInSeveralNotes(tracks: readonly { name: string; path: string }[]): Set<string> {
  const firstPath = new Map<string, string>();
  const shared = new Set<string>();
  for (const { name, path } of tracks) {
    const seen = firstPath.get(name);
    if (seen === undefined) firstPath.set(name, path);
    else if (seen !== path) shared.add(name);
  }
  return shared;
}

/** The note's name to show beside a track, or null when the track's name is a heading in one note only. */
export const noteLabel = (path: string, name: string, shared: ReadonlySet<string>): string | null => (shared.has(name) ? noteName(path) : null);

/** Which track `name` (and, when given, `note`) means, or why it names none or several. */
export type TrackChoice =
  | { key: TrackKey }
  | { unknown: string[] }
  | { several: string[] };

/**
 * Picks one track by its heading name and optionally its note's path. A name in several notes needs the
 * note; an unknown one comes back with the closest names (in that note, when one is given).
 */
export function chooseTrack(tracks: readonly { name: string; path: string }[], name: string, note: string | null): TrackChoice {
  const inScope = note === null ? tracks : tracks.filter((track) => track.path === note);
  const paths = [...new Set(inScope.filter((track) => track.name === name).map((track) => track.path))];
  if (paths.length === 1) return { key: trackKey(paths[0], name) };
  if (paths.length > 1) return { several: paths };
  return { unknown: closestNames(name, inScope.map((track) => track.name)) };
}
