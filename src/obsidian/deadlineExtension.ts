// CodeMirror 6: colours deadline lines by urgency and adds a `D-12` badge, in Live Preview and source
// mode. Decorations are built only over the visible ranges; code and frontmatter lines are skipped
// (the core's code-line mask, computed once per document version).
import { StateEffect, StateField, type EditorState, type Extension, type Text } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { codeLineMask } from "../core/markdown";
import { badgeText, deadlineClasses, deadlineOfLine, msUntilMidnight, type DeadlineContext, type LineDeadline } from "./deadlineLine";

/** Turns highlighting on or off in one editor (the plugin's command reconfigures every editor instead). */
export const setDeadlineHighlight = StateEffect.define<boolean>();
/** Rebuild now (the day changed, settings or the venue list changed). */
export const refreshDeadlines = StateEffect.define<null>();

const highlightField = StateField.define<boolean>({
  create: () => true,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setDeadlineHighlight)) value = effect.value;
    return value;
  },
});

class BadgeWidget extends WidgetType {
  constructor(readonly text: string, readonly classes: string) {
    super();
  }
  override eq(other: BadgeWidget): boolean {
    return other.text === this.text && other.classes === this.classes;
  }
  toDOM(): HTMLElement {
    const badge = createSpan({ cls: `bq-deadline-badge ${this.classes}`, text: this.text });
    badge.setAttribute("aria-hidden", "true");
    return badge;
  }
  override ignoreEvent(): boolean {
    return false;
  }
}

/** Above this size an edit maps the old decorations and rebuilds after a pause in typing. */
const LARGE_DOC = 200_000;
const LARGE_DOC_DELAY_MS = 250;

// Code-line masks per document version, over a prefix long enough for the lines asked about: the
// mask of a line depends only on the lines above it, so a prefix up to the viewport is enough.
const masks = new WeakMap<Text, { upTo: number; mask: Uint8Array }>();
function maskOf(doc: Text, upToLine: number): Uint8Array {
  const cached = masks.get(doc);
  if (cached && cached.upTo >= upToLine) return cached.mask;
  const end = doc.line(Math.min(doc.lines, upToLine)).to;
  const mask = codeLineMask(doc.sliceString(0, end));
  masks.set(doc, { upTo: upToLine, mask });
  return mask;
}

/** The decorations for `ranges` of `state` on the day of `now`. Pure: the unit under test. */
export function buildDeadlineDecorations(
  state: EditorState,
  ranges: readonly { from: number; to: number }[],
  now: Date,
  context: DeadlineContext,
): DecorationSet {
  if (state.field(highlightField, false) === false) return Decoration.none; // absent field: on
  const doc = state.doc;
  const lastLine = ranges.length === 0 ? 1 : doc.lineAt(Math.min(doc.length, ranges[ranges.length - 1].to)).number;
  let mask: Uint8Array | null = null;
  const decorations = [];
  let lastSeen = 0;
  for (const range of ranges) {
    let pos = range.from;
    while (pos <= range.to) {
      const line = doc.lineAt(pos);
      pos = line.to + 1;
      if (line.number <= lastSeen) continue; // ranges may share a line
      lastSeen = line.number;
      if (!/\[.\]/.test(line.text)) continue; // cheap before the mask and the date search
      mask ??= maskOf(doc, lastLine);
      if (mask[line.number - 1] === 1) continue;
      const deadline: LineDeadline | null = deadlineOfLine(line.text, context, now);
      if (!deadline) continue;
      const classes = deadlineClasses(deadline);
      decorations.push(Decoration.line({ class: classes }).range(line.from));
      decorations.push(Decoration.widget({ widget: new BadgeWidget(badgeText(deadline.daysLeft), classes), side: 1 }).range(line.to));
    }
  }
  return Decoration.set(decorations, true);
}

/** The editor extension: highlighting state plus a view plugin that rebuilds on edits, scrolls and midnight. */
export function deadlineExtension(context: DeadlineContext, enabled = true): Extension {
  const plugin = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      private timer: number | null = null;
      private rebuildTimer: number | null = null;
      constructor(private readonly view: EditorView) {
        this.decorations = this.build();
        this.scheduleMidnight();
      }
      update(update: ViewUpdate): void {
        // A reconfiguration (settings changed, `workspace.updateOptions()`) also rebuilds.
        const effects = update.transactions.some(
          (tr) => tr.reconfigured || tr.effects.some((e) => e.is(refreshDeadlines) || e.is(setDeadlineHighlight)),
        );
        if (update.docChanged && !effects && update.state.doc.length > LARGE_DOC) {
          // Typing in a very large note: keep the decorations in place and rebuild once typing pauses.
          this.decorations = this.decorations.map(update.changes);
          this.scheduleRebuild();
        } else if (update.docChanged || update.viewportChanged || effects) {
          this.decorations = this.build();
        }
      }
      destroy(): void {
        if (this.timer !== null) window.clearTimeout(this.timer);
        if (this.rebuildTimer !== null) window.clearTimeout(this.rebuildTimer);
        this.timer = this.rebuildTimer = null;
      }
      private scheduleRebuild(): void {
        if (this.rebuildTimer !== null) window.clearTimeout(this.rebuildTimer);
        this.rebuildTimer = window.setTimeout(() => {
          this.rebuildTimer = null;
          this.view.dispatch({ effects: refreshDeadlines.of(null) });
        }, LARGE_DOC_DELAY_MS);
      }
      private build(): DecorationSet {
        return buildDeadlineDecorations(this.view.state, this.view.visibleRanges, context.now(), context);
      }
      private scheduleMidnight(): void {
        this.timer = window.setTimeout(() => {
          this.timer = null;
          this.view.dispatch({ effects: refreshDeadlines.of(null) });
          this.scheduleMidnight();
        }, msUntilMidnight(context.now()));
      }
    },
    { decorations: (instance) => instance.decorations },
  );
  return [highlightField.init(() => enabled), plugin];
}
