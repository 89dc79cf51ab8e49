// `plan`: a track's unfinished items laid on study days by the core's planner (the one the plugin's
// "Plan this track…" uses), printed, or written with --write.
import type { BrainQueueSettings, IsoDate } from "../core/base";
import type { VaultIndex } from "../core/index";
import { checklistLines, splitTrackKey, type TrackKey } from "../core/items";
import { fixedDays, planTrack, type PlanOptions, type TrackPlan } from "../core/planner";
import { UsageError, type PlanArgs } from "./args";

/** Every track with a checklist line in a note, as the track resolver lists them: the index knows only notes with dated lines. */
export function checklistTracks(texts: ReadonlyMap<string, string>, settings: BrainQueueSettings): { name: string; path: string; line: number }[] {
  const tracks: { name: string; path: string; line: number }[] = [];
  for (const [path, text] of texts) {
    const seen = new Set<string>();
    for (const line of checklistLines(path, text, settings.trackHeadingLevel)) {
      if (seen.has(line.track)) continue;
      seen.add(line.track);
      tracks.push({ name: line.track, path, line: line.trackLine });
    }
  }
  return tracks;
}

/** The plan of the track `key` names, or a usage error saying why there is none. */
export function planOfTrack(key: TrackKey, texts: ReadonlyMap<string, string>, index: VaultIndex, args: PlanArgs, settings: BrainQueueSettings): TrackPlan {
  const { path, name } = splitTrackKey(key);
  const lines = checklistLines(path, texts.get(path) ?? "", settings.trackHeadingLevel);
  const skip: IsoDate[] = [...args.skip];
  if (args.skipFixed) skip.push(...fixedDays(index.items(), settings));
  const options: PlanOptions = {
    start: args.start ?? "",
    pace: args.end !== null ? { end: args.end } : args.every !== null ? { every: args.every } : { perDay: args.perDay ?? 1 },
    weekdays: args.weekdays ?? undefined,
    skip,
    chapterDays: args.chapterDays,
  };
  const result = planTrack(lines.filter((line) => line.track === name), lines, options, settings);
  if (!result.ok) throw new UsageError(result.error);
  return result.plan;
}
