// Tree building blocks in the markup of Obsidian's Outline/Backlinks panes, so themes style them,
// plus keyboard movement between rows. Used by todayRender.ts.
import { setIcon } from "obsidian";

export interface TreeNode {
  root: HTMLElement;
  self: HTMLElement;
  inner: HTMLElement;
  flair: HTMLElement;
  children: HTMLElement;
}

/** A collapsible tree item; its collapsed state lives in `collapsed` under `key`. `build` fills its
 *  children when it is first open, so a collapsed item costs one row until someone expands it. */
export function treeItem(
  parent: HTMLElement,
  key: string,
  label: string,
  collapsed: Set<string>,
  options: { defaultCollapsed?: boolean; cls?: string; build?: (children: HTMLElement) => void } = {},
): TreeNode {
  const root = parent.createDiv({ cls: ["tree-item", "bq-tree", options.cls ?? ""].filter(Boolean), attr: { "data-bq-key": key } });
  const self = root.createDiv({ cls: "tree-item-self is-clickable bq-focusable bq-tree-head", attr: { tabindex: "0", role: "treeitem" } });
  const icon = self.createDiv({ cls: "tree-item-icon collapse-icon" });
  setIcon(icon, "right-triangle");
  const inner = self.createDiv({ cls: "tree-item-inner", text: label });
  const flair = self.createDiv({ cls: "tree-item-flair-outer" }).createSpan({ cls: "tree-item-flair" });
  const children = root.createDiv({ cls: "tree-item-children" });
  // Keys not yet seen take their default; the set stores deviations from "expanded".
  const isCollapsed = collapsed.has(key) || (options.defaultCollapsed === true && !collapsed.has(`open:${key}`));
  let build = options.build;
  const buildOnce = (): void => {
    const run = build;
    build = undefined;
    run?.(children);
  };
  setCollapsed(root, self, icon, isCollapsed);
  if (!isCollapsed) buildOnce();
  const toggle = (): void => {
    const next = !root.hasClass("is-collapsed");
    if (!next) buildOnce();
    setCollapsed(root, self, icon, next);
    remember(collapsed, key, next, options.defaultCollapsed === true);
  };
  self.addEventListener("click", (event) => {
    if ((event.target as HTMLElement).closest("button, input")) return;
    toggle();
  });
  self.addEventListener("keydown", (event) => {
    const open = !root.hasClass("is-collapsed");
    if (event.key === "Enter" || event.key === " " || (event.key === "ArrowLeft" && open) || (event.key === "ArrowRight" && !open)) {
      event.preventDefault();
      toggle();
    }
  });
  return { root, self, inner, flair, children };
}

/** A "Show 37 more" row in tree-item markup (one element: it is drawn once per list), activated by
 *  click, Enter or Space. */
export function showMoreRow(parent: HTMLElement, key: string, onActivate: (byKeyboard: boolean) => void): HTMLElement {
  const row = parent.createDiv({ cls: "tree-item-self is-clickable bq-focusable bq-show-more", attr: { tabindex: "0", role: "treeitem", "data-bq-more": key } });
  row.addEventListener("click", () => onActivate(false));
  row.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    onActivate(true);
  });
  return row;
}

function setCollapsed(root: HTMLElement, self: HTMLElement, icon: HTMLElement, value: boolean): void {
  root.toggleClass("is-collapsed", value);
  icon.toggleClass("is-collapsed", value);
  self.setAttribute("aria-expanded", String(!value));
}

function remember(collapsed: Set<string>, key: string, value: boolean, defaultCollapsed: boolean): void {
  collapsed.delete(key);
  collapsed.delete(`open:${key}`);
  if (value && !defaultCollapsed) collapsed.add(key);
  if (!value && defaultCollapsed) collapsed.add(`open:${key}`);
}

/** Up/Down move between visible focusable rows (rows inside collapsed items are skipped). */
export function handleArrowKeys(container: HTMLElement, event: KeyboardEvent): void {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const rows = Array.from(container.querySelectorAll<HTMLElement>(".bq-focusable")).filter(
    (el) => !el.parentElement?.closest(".is-collapsed > .tree-item-children"),
  );
  const current = rows.indexOf(event.target as HTMLElement);
  if (current < 0) return;
  const next = rows[current + (event.key === "ArrowDown" ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function iconButton(parent: HTMLElement, icon: string, label: string, onClick: () => void, cls = ""): HTMLElement {
  const button = parent.createEl("button", { cls: `clickable-icon ${cls}`.trim(), attr: { "aria-label": label, type: "button" } });
  setIcon(button, icon);
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    onClick();
  });
  return button;
}
