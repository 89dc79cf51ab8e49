// setIcon/getIcon with a small set of Lucide-style icons (24×24, stroked), built with createElementNS from
// path data. Unknown ids render nothing, as in Obsidian.
import type { IconName } from "obsidian";

const circle = (cx: number, cy: number, r: number): string => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
const calendarFrame = ["M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z", "M16 2v4", "M8 2v4", "M3 10h18"];

const ICONS: Record<string, string[]> = {
  "right-triangle": ["M3 8L12 17L21 8"],
  "chevron-down": ["m6 9 6 6 6-6"],
  "chevron-up": ["m18 15-6-6-6 6"],
  "chevron-left": ["m15 18-6-6 6-6"],
  "chevron-right": ["m9 18 6-6-6-6"],
  "chevrons-right": ["m6 17 5-5-5-5", "m13 17 5-5-5-5"],
  calendar: calendarFrame,
  "calendar-days": [...calendarFrame, "M8 14h.01", "M12 14h.01", "M16 14h.01", "M8 18h.01", "M12 18h.01", "M16 18h.01"],
  "calendar-check": [...calendarFrame, "m9 16 2 2 4-4"],
  "calendar-plus": [...calendarFrame, "M10 16h4", "M12 14v4"],
  "calendar-range": [...calendarFrame, "M17 14h-6", "M13 18H7", "M7 14h.01", "M17 18h.01"],
  "calendar-search": ["M21 11.75V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h7.25", "M16 2v4", "M8 2v4", "M3 10h18", circle(18, 18, 3), "m22 22-1.9-1.9"],
  "calendar-clock": [...calendarFrame, "M16 14v2.2l1.6 1"],
  "calendar-x": [...calendarFrame, "m14 14-4 4", "m10 14 4 4"],
  archive: ["M3 3h18a1 1 0 0 1 1 1v3a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z", "M4 8v11a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8", "M10 12h4"],
  check: ["M20 6 9 17l-5-5"],
  "circle-check": [circle(12, 12, 10), "m9 12 2 2 4-4"],
  "check-circle": [circle(12, 12, 10), "m9 12 2 2 4-4"],
  circle: [circle(12, 12, 10)],
  clock: [circle(12, 12, 10), "M12 6v6l4 2"],
  "arrow-left": ["m12 19-7-7 7-7", "M19 12H5"],
  "arrow-right": ["M5 12h14", "m12 5 7 7-7 7"],
  "arrow-up": ["m5 12 7-7 7 7", "M12 19V5"],
  "arrow-down": ["M12 5v14", "m19 12-7 7-7-7"],
  "rotate-ccw": ["M3 12a9 9 0 1 0 9-9 9.75 9.75 0 0 0-6.74 2.74L3 8", "M3 3v5h5"],
  "refresh-cw": ["M3 12a9 9 0 0 1 9-9 9.75 9.75 0 0 1 6.74 2.74L21 8", "M21 3v5h-5", "M21 12a9 9 0 0 1-9 9 9.75 9.75 0 0 1-6.74-2.74L3 16", "M8 16H3v5"],
  "undo-2": ["M9 14 4 9l5-5", "M4 9h10.5a5.5 5.5 0 0 1 0 11H11"],
  "trending-down": ["M16 17h6v-6", "m22 17-8.5-8.5-5 5L2 7"],
  "list-checks": ["m3 17 2 2 4-4", "m3 7 2 2 4-4", "M13 6h8", "M13 12h8", "M13 18h8"],
  "list-todo": ["M3 5h6v6H3z", "m3 17 2 2 4-4", "M13 6h8", "M13 12h8", "M13 18h8"],
  list: ["M8 6h13", "M8 12h13", "M8 18h13", "M3 6h.01", "M3 12h.01", "M3 18h.01"],
  "alert-triangle": ["m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3Z", "M12 9v4", "M12 17h.01"],
  "triangle-alert": ["m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3Z", "M12 9v4", "M12 17h.01"],
  "alert-circle": [circle(12, 12, 10), "M12 8v4", "M12 16h.01"],
  info: [circle(12, 12, 10), "M12 16v-4", "M12 8h.01"],
  "skip-forward": ["M5 4l10 8-10 8z", "M19 5v14"],
  "fast-forward": ["M13 19l9-7-9-7z", "M2 19l9-7-9-7z"],
  pause: ["M6 4h4v16H6z", "M14 4h4v16h-4z"],
  play: ["M6 3l14 9-14 9z"],
  plus: ["M5 12h14", "M12 5v14"],
  minus: ["M5 12h14"],
  x: ["M18 6 6 18", "m6 6 12 12"],
  search: [circle(11, 11, 8), "m21 21-4.3-4.3"],
  settings: ["M20 7h-9", "M14 17H5", circle(17, 17, 3), circle(7, 7, 3)],
  "file-text": ["M15 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7Z", "M14 2v4a2 2 0 0 0 2 2h4", "M16 13H8", "M16 17H8", "M10 9H8"],
  file: ["M15 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7Z", "M14 2v4a2 2 0 0 0 2 2h4"],
  folder: ["M20 20a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-7.9a2 2 0 0 1-1.69-.9L9.6 3.9A2 2 0 0 0 7.93 3H4a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2Z"],
  "more-horizontal": [circle(12, 12, 1), circle(19, 12, 1), circle(5, 12, 1)],
  "more-vertical": [circle(12, 12, 1), circle(12, 5, 1), circle(12, 19, 1)],
  sun: [circle(12, 12, 4), "M12 2v2", "M12 20v2", "m4.93 4.93 1.41 1.41", "m17.66 17.66 1.41 1.41", "M2 12h2", "M20 12h2", "m6.34 17.66-1.41 1.41", "m19.07 4.93-1.41 1.41"],
  moon: ["M12 3a6 6 0 0 0 9 9 9 9 0 1 1-9-9Z"],
  trash: ["M3 6h18", "M19 6v14c0 1-1 2-2 2H7c-1 0-2-1-2-2V6", "M8 6V4c0-1 1-2 2-2h4c1 0 2 1 2 2v2"],
  flag: ["M4 15s1-1 4-1 5 2 8 2 4-1 4-1V3s-1 1-4 1-5-2-8-2-4 1-4 1z", "M4 22v-7"],
  target: [circle(12, 12, 10), circle(12, 12, 6), circle(12, 12, 2)],
  crosshair: [circle(12, 12, 10), "M22 12h-4", "M6 12H2", "M12 6V2", "M12 22v-4"],
  hourglass: ["M5 22h14", "M5 2h14", "M17 22v-4.172a2 2 0 0 0-.586-1.414L12 12l-4.414 4.414A2 2 0 0 0 7 17.828V22", "M7 2v4.172a2 2 0 0 0 .586 1.414L12 12l4.414-4.414A2 2 0 0 0 17 6.172V2"],
  timer: ["M10 2h4", "M12 14l3-3", circle(12, 14, 8)],
  bell: ["M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9", "M10.3 21a1.94 1.94 0 0 0 3.4 0"],
  download: ["M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4", "m7 10 5 5 5-5", "M12 15V3"],
  "book-open": ["M2 3h6a4 4 0 0 1 4 4v14a3 3 0 0 0-3-3H2z", "M22 3h-6a4 4 0 0 0-4 4v14a3 3 0 0 1 3-3h7z"],
  pencil: ["M17 3a2.85 2.83 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5Z"],
  brain: [
    "M12 5a3 3 0 1 0-5.997.125 4 4 0 0 0-2.526 5.77 4 4 0 0 0 .556 6.588A4 4 0 1 0 12 18Z",
    "M12 5a3 3 0 1 1 5.997.125 4 4 0 0 1 2.526 5.77 4 4 0 0 1-.556 6.588A4 4 0 1 1 12 18Z", "M12 5v13",
  ],
  cpu: ["M6 4h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z", "M9 9h6v6H9z", "M15 2v2", "M15 20v2", "M2 15h2", "M2 9h2", "M20 15h2", "M20 9h2", "M9 2v2", "M9 20v2"],
  layers: ["m12 2 10 5-10 5L2 7z", "m2 17 10 5 10-5", "m2 12 10 5 10-5"],
  inbox: ["M22 12h-6l-2 3h-4l-2-3H2", "M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z"],
  "external-link": ["M15 3h6v6", "M10 14 21 3", "M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6"],
  "panel-right": ["M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z", "M15 3v18"],
  "panel-left": ["M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z", "M9 3v18"],
  menu: ["M4 6h16", "M4 12h16", "M4 18h16"],
  square: ["M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"],
  "check-square": ["M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z", "m9 12 2 2 4-4"],
  "terminal-square": ["m7 11 2-2-2-2", "M11 13h4", "M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"],
};

const ALIASES: Record<string, string> = { "lucide-": "" };
const custom = new Map<string, string>();

function canonical(iconId: string): string {
  let id = iconId;
  for (const [prefix, replacement] of Object.entries(ALIASES)) if (id.startsWith(prefix)) id = replacement + id.slice(prefix.length);
  return id;
}

export function getIcon(iconId: IconName): SVGSVGElement | null {
  const id = canonical(iconId);
  const paths = ICONS[id];
  if (!paths && !custom.has(id)) return null;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  const attrs: Record<string, string> = {
    xmlns: "http://www.w3.org/2000/svg", width: "24", height: "24", viewBox: "0 0 24 24", fill: "none",
    stroke: "currentColor", "stroke-width": "2", "stroke-linecap": "round", "stroke-linejoin": "round",
  };
  for (const [name, value] of Object.entries(attrs)) svg.setAttribute(name, value);
  svg.classList.add("svg-icon", `lucide-${id}`);
  if (id === "right-triangle") svg.classList.add("right-triangle");
  for (const d of paths ?? [custom.get(id) ?? ""]) {
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", d);
    svg.appendChild(path);
  }
  return svg;
}

export function setIcon(parent: HTMLElement, iconId: IconName): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  const svg = getIcon(iconId);
  if (svg) parent.appendChild(svg);
}

/** Obsidian takes SVG markup here; the stand-in only accepts a single path's data (`<path d="…"/>`). */
export function addIcon(iconId: string, svgContent: string): void {
  const match = /\bd="([^"]+)"/.exec(svgContent);
  if (match) custom.set(iconId, match[1]);
}

export function getIconIds(): IconName[] {
  return [...Object.keys(ICONS), ...custom.keys()];
}
