// Bounded lists for the Today view. Every element costs (docs/performance.md) and nobody reads
// 500 rows at once, so a render builds only what can be seen: each item list shows its first rows and a
// "Show N more" tree row, and one render builds at most PAINT_BUDGET rows (track heads included) across
// all lists. Lists the budget cut short fill in as their "Show more" row scrolls near; where nothing is
// laid out (no IntersectionObserver reports) the row simply stays, and a click or Enter reveals the rows.
import { t } from "./i18n";
import { showMoreRow } from "./todayTree";

/** Items a list shows before its "Show more" row. */
export const FIRST_ROWS = 10;
/** Items one "Show more" adds. */
export const MORE_ROWS = 50;
/** Rows (track heads, items, subtasks) one render, expand or scroll step builds before deferring the rest. */
export const PAINT_BUDGET = 40;

/** Draws one entry at the end of `parent` and says how many rows that took (subtasks are rows too). */
export type RowRenderer<T> = (parent: HTMLElement, entry: T) => number;

/** Items stop at FIRST_ROWS; tracks only at the budget (their heads are the view's outline). */
export type ListKind = "items" | "tracks";

export class ListPager {
  private budget = PAINT_BUDGET;
  private painting = false;
  private observer: IntersectionObserver | null = null;
  /** "Show more" rows of lists the budget cut short, with what fills each one in. */
  private readonly deferred = new Map<Element, () => void>();

  /** `shown`: entries revealed per list key, kept by the caller; `scroller`: the element that scrolls. */
  constructor(private readonly shown: Map<string, number>, private readonly scroller: HTMLElement) {}

  /** Runs a build (a render, a tree's first expand, a scroll step) against a fresh budget. */
  paint(build: () => void): void {
    if (this.painting) return build();
    this.painting = true;
    this.budget = PAINT_BUDGET;
    try {
      build();
    } finally {
      this.painting = false;
    }
  }

  /** Draws a list's first entries (or as many as were revealed before) and a "Show more" row for the rest. */
  list<T>(parent: HTMLElement, key: string, entries: readonly T[], kind: ListKind, render: RowRenderer<T>): void {
    const before = this.shown.get(key) ?? 0;
    const target = Math.min(entries.length, Math.max(before, kind === "items" ? FIRST_ROWS : entries.length));
    let count = 0;
    const draw = (into: HTMLElement, upTo: number, budgeted: boolean): void => {
      for (; count < upTo && (!budgeted || this.budget > 0); count++) {
        const rows = render(into, entries[count]); // first: nested lists take from the budget too
        this.budget -= rows;
      }
    };
    // Entries revealed before are drawn whatever the budget, so a re-render (a tick) keeps the list as it was.
    draw(parent, Math.min(before, target), false);
    draw(parent, target, true);
    if (count === entries.length) return;

    const step = (): number => (count < target ? target - count : Math.min(entries.length - count, MORE_ROWS));
    /** Draws more entries just above the "Show more" row (which stays put, so it keeps focus) and
     *  remembers the count for re-renders. */
    const reveal = (upTo: number, budgeted: boolean, focusNew: boolean): void => {
      const holder = createDiv(); // detached: the rows move in above the "Show more" row
      draw(holder, upTo, budgeted);
      const first = holder.firstElementChild;
      more.before(...Array.from(holder.childNodes));
      this.shown.set(key, count);
      const hadFocus = more.ownerDocument.activeElement === more;
      relabel();
      // Keyboard users carry on from the first new row, as in a list that grew under the cursor.
      const focusable = first?.matches(".bq-focusable") ? first : first?.querySelector(".bq-focusable");
      if (focusNew || (hadFocus && !more.isConnected)) (focusable as HTMLElement | null | undefined)?.focus();
    };
    const more = showMoreRow(parent, key, (byKeyboard) => this.paint(() => reveal(count + step(), false, byKeyboard)));
    const relabel = (): void => {
      if (count >= target) this.settle(more);
      if (count === entries.length) {
        more.remove();
        return;
      }
      const hidden = entries.length - count;
      const next = step();
      if (kind === "tracks") more.setText(t(next === 1 ? "view.showOneMoreTrack" : "view.showMoreTracks", { count: next }));
      else more.setText(next === hidden ? t("view.showMore", { count: next }) : t("view.showMoreOf", { count: next, hidden }));
    };
    relabel();
    if (count < target) {
      this.watch(more, () => {
        reveal(target, true, false);
        return count >= target;
      });
    }
  }

  /** A list the budget cut short fills in once its "Show more" row is within a screen of view. */
  private watch(row: Element, fill: () => boolean): void {
    const Observer = this.scroller.ownerDocument.defaultView?.IntersectionObserver;
    if (!Observer) return;
    this.observer ??= new Observer((entries) => this.onNear(entries), { root: this.scroller, rootMargin: "0px 0px 100% 0px" });
    this.deferred.set(row, () => {
      if (!fill()) this.rewatch(row);
    });
    this.observer.observe(row);
  }

  private onNear(entries: IntersectionObserverEntry[]): void {
    const near = entries.filter((entry) => entry.isIntersecting && this.deferred.has(entry.target)).map((entry) => entry.target);
    // In page order, so the budget goes to what is highest on screen.
    near.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    this.paint(() => {
      for (const row of near) {
        if (this.budget > 0) this.deferred.get(row)?.();
        else this.rewatch(row);
      }
    });
  }

  /** Observing again reports the row afresh once the rows just drawn are laid out. */
  private rewatch(row: Element): void {
    this.observer?.unobserve(row);
    this.observer?.observe(row);
  }

  /** The row no longer waits for scrolling (it filled in, or the person revealed it). */
  private settle(row: Element): void {
    if (!this.deferred.delete(row)) return;
    this.observer?.unobserve(row);
  }

  dispose(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.deferred.clear();
  }
}
