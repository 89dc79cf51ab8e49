// Reading view: the same urgency classes and badge as the editor, on rendered task list items.
// `getSectionInfo` maps a rendered section back to its source lines; list items carry `data-line`
// relative to the section start.
import type { MarkdownPostProcessorContext } from "obsidian";
import { badgeText, deadlineClasses, deadlineOfLine, type DeadlineContext } from "./deadlineLine";

export function decorateRenderedDeadlines(el: HTMLElement, ctx: MarkdownPostProcessorContext, context: DeadlineContext): void {
  if (!context.settings().highlightDeadlines) return;
  const tasks = el.querySelectorAll<HTMLElement>("li.task-list-item");
  if (tasks.length === 0) return;
  const info = ctx.getSectionInfo(el);
  if (!info) return;
  const lines = info.text.split(/\r\n|\r|\n/);
  const now = context.now();
  tasks.forEach((li) => {
    const relative = Number(li.getAttribute("data-line"));
    if (!Number.isInteger(relative)) return;
    const source = lines[info.lineStart + relative];
    if (source === undefined) return;
    const deadline = deadlineOfLine(source, context, now);
    if (!deadline || li.querySelector(":scope > .bq-deadline-badge")) return;
    const classes = deadlineClasses(deadline);
    li.addClasses(classes.split(" "));
    const badge = createSpan({ cls: `bq-deadline-badge ${classes}`, text: badgeText(deadline.daysLeft) });
    // Before a nested list, so the badge stays on the item's own line.
    const nested = li.querySelector(":scope > ul, :scope > ol");
    if (nested) nested.before(badge);
    else li.appendChild(badge);
  });
}
