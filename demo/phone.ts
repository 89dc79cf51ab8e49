// `?mobile=1`: the demo laid out as Obsidian's phone app. The body gets `is-mobile is-phone` and the API's
// Platform says "phone" before the plugin loads. The note takes the whole width under a header with the
// two sidebar buttons; the side docks become drawers that cover the screen, opened by those buttons, by a
// horizontal swipe or by whatever reveals a leaf (the plugin's ribbon action), and closed by their close
// button, a swipe back, Escape or opening a note. The ribbon's actions sit in the navbar's menu, as in
// the app; phones have no status bar.
import { Menu, Platform, setIcon, type App } from "./shim/obsidian";
import type { LeafArea } from "./shim/workspace";
import { openCommandPalette } from "./chrome";

/** A horizontal move at least this long, and twice as long as it is tall, is a swipe. */
const SWIPE_MIN = 60;

export function isPhoneMode(params: URLSearchParams): boolean {
  return params.get("mobile") === "1";
}

/** Before the plugin loads: what `Platform` and the body classes say on a phone. */
export function enterPhoneMode(): void {
  Object.assign(Platform, { isDesktop: false, isMobile: true, isMobileApp: true, isPhone: true, isTablet: false });
  document.body.addClass("is-mobile", "is-phone");
}

function iconButton(parent: HTMLElement, cls: string, icon: string, label: string, run: () => void): HTMLElement {
  const el = parent.createDiv({ cls: `clickable-icon ${cls}`, attr: { "aria-label": label, role: "button", tabindex: 0 } });
  setIcon(el, icon);
  el.addEventListener("click", run);
  return el;
}

/** After the layout is built: drawers, the header's sidebar buttons, the navbar, swipes. */
export function installPhoneChrome(app: App): void {
  const { workspace } = app;
  const drawers: [LeafArea, "left" | "right"][] = [[workspace.leftSplit, "left"], [workspace.rightSplit, "right"]];
  for (const [area, side] of drawers) {
    area.containerEl.addClass("workspace-drawer", `mod-${side}`);
    iconButton(area.tabsEl, "workspace-drawer-close", "x", "Close sidebar", () => area.collapse());
    area.collapse();
    // One drawer at a time, as on a phone.
    area.onCollapseChange = (collapsed) => {
      if (!collapsed) for (const [other] of drawers) if (other !== area) other.collapse();
      document.body.toggleClass(`is-${side}-drawer-open`, !collapsed);
    };
  }
  const closeDrawers = (): void => drawers.forEach(([area]) => area.collapse());

  const header = workspace.rootSplit.tabsEl;
  iconButton(header, "sidebar-toggle-button mod-left", "panel-left", "Open left sidebar", () => workspace.leftSplit.expand());
  iconButton(header, "sidebar-toggle-button mod-right", "panel-right", "Open right sidebar", () => workspace.rightSplit.expand());

  const navbar = document.body.querySelector(".app-container")!.createDiv("mobile-navbar");
  const actions = navbar.createDiv("mobile-navbar-actions");
  iconButton(actions, "mobile-navbar-action", "terminal-square", "Open command palette", () => openCommandPalette(app));
  iconButton(actions, "mobile-navbar-action mod-ribbon", "menu", "Open menu", () => ribbonMenu(app, navbar));

  workspace.on("file-open", closeDrawers);
  document.addEventListener("keydown", (evt) => {
    if (evt.key === "Escape" && !document.body.querySelector(".modal-container, .menu")) closeDrawers();
  });
  watchSwipes(drawers);
}

/** The ribbon's actions (the demo's and the plugin's) as a menu, as the phone app's navbar shows them. */
function ribbonMenu(app: App, anchor: HTMLElement): void {
  const menu = new Menu();
  for (const el of Array.from(app.ribbonEl.querySelectorAll<HTMLElement>(".side-dock-ribbon-action"))) {
    menu.addItem((item) => item.setTitle(el.getAttribute("aria-label") ?? "").setIcon(el.dataset.icon ?? null).onClick(() => el.click()));
  }
  const box = anchor.getBoundingClientRect();
  menu.showAtPosition({ x: box.right, y: box.top });
}

/** A horizontal swipe opens the drawer on the side it comes from, or closes the open drawer towards its edge. */
function watchSwipes(drawers: [LeafArea, "left" | "right"][]): void {
  let start: { x: number; y: number } | null = null;
  document.addEventListener("touchstart", (evt) => {
    const touch = evt.touches.length === 1 ? evt.touches[0] : null;
    const inOverlay = (evt.target as Element).closest(".modal-container, .menu");
    start = touch && !inOverlay ? { x: touch.clientX, y: touch.clientY } : null;
  }, { passive: true });
  document.addEventListener("touchend", (evt) => {
    const touch = evt.changedTouches[0];
    if (!start || !touch) return;
    const dx = touch.clientX - start.x;
    const dy = touch.clientY - start.y;
    start = null;
    if (Math.abs(dx) < SWIPE_MIN || Math.abs(dx) < 2 * Math.abs(dy)) return;
    const open = drawers.find(([area]) => !area.collapsed);
    if (open) {
      if ((open[1] === "right") === dx > 0) open[0].collapse();
      return;
    }
    const from = drawers.find(([, side]) => side === (dx < 0 ? "right" : "left"));
    if (from && from[0].leaves.length > 0) from[0].expand();
  }, { passive: true });
}
