// Parsing off the main thread: a batch of notes goes to a worker as texts and comes back as records
// (VaultIndex.adopt stores them). Structured cloning copies strings and plain objects at memory speed;
// the batch's columns travel in one buffer that is handed over, not copied. Pure: the plugin's web
// worker and the benchmark's Node worker each keep one `ParseAnswerer`; only the plumbing differs.
import { errorMessage } from "../base";
import type { NoteItems } from "../items";
import { decodeNote, type NoteText } from "../markdown";
import { hasContent, RecordBuilder, type IndexOptions, type NoteRecord, type NoteStat } from "../items";

export interface ParseRequest {
  id: number;
  options: IndexOptions;
  paths: string[];
  /** Texts, or UTF-8 bytes the worker decodes. */
  texts: NoteText[];
  stats: (NoteStat | null)[];
}

export type ParseReply =
  /** Per note its record, or null when the note holds nothing (most notes: the main thread makes those). */
  | { id: number; records: (NoteRecord | null)[]; columns: Int32Array }
  | { id: number; error: string };

/** A worker's whole job: one answerer per worker, replying to each request in turn. */
export class ParseAnswerer {
  /** The options of the last batch, kept while batches bring the same: a request arrives as a fresh copy,
   *  and the venue matchers (compiled patterns, a 64 K table) are cached per venue list object. */
  private lastOptions: { key: string; options: IndexOptions } | null = null;
  /** Reuses its working memory from batch to batch. */
  private readonly records = new RecordBuilder();

  /** The reply to one request, never a throw. */
  answer(request: ParseRequest): ParseReply {
    try {
      return { id: request.id, ...parseBatch(request, this.steadyOptions(request.options), this.records) };
    } catch (error) {
      return { id: request.id, error: errorMessage(error) };
    }
  }

  private steadyOptions(options: IndexOptions): IndexOptions {
    const key = JSON.stringify(options);
    if (this.lastOptions?.key !== key) this.lastOptions = { key, options };
    return this.lastOptions.options;
  }
}

/** The batch's records; every record's columns are views on `columns`, one buffer for the whole batch. */
function parseBatch(request: ParseRequest, options: IndexOptions, builder: RecordBuilder): { records: (NoteRecord | null)[]; columns: Int32Array } {
  const endBulk = builder.beginBulk(); // columns carved from shared slabs while parsing, copied into one buffer below
  let records: (NoteRecord | null)[];
  try {
    records = request.paths.map((path, k) => {
      const record = builder.build(path, decodeNote(request.texts[k]), request.stats[k], options);
      return hasContent(record) ? record : null;
    });
  } finally {
    endBulk();
  }
  let total = 0;
  for (const record of records) total += record?.items.cols.length ?? 0;
  const columns = new Int32Array(total);
  let at = 0;
  for (const record of records) {
    if (!record || record.items.cols.length === 0) continue;
    const { items } = record;
    columns.set(items.cols, at);
    const cols = columns.subarray(at, at + items.cols.length);
    record.items = { count: items.count, cols, text: items.text, bodiesEnd: items.bodiesEnd, names: items.names } satisfies NoteItems;
    at += items.cols.length;
  }
  return { records, columns };
}
