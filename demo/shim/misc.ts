// Small free functions and constants of the API: language, debounce, platform flags, version checks.
import type { Debouncer } from "obsidian";
import { Component } from "./events";

/** Obsidian reads the UI language from localStorage `language`; absent means English. */
export function getLanguage(): string {
  try {
    return window.localStorage.getItem("language") ?? "en";
  } catch {
    return "en";
  }
}

export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
  let timer: number | null = null;
  let lastArgs: T | null = null;
  const run = (): V | void => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    if (lastArgs === null) return;
    const args = lastArgs;
    lastArgs = null;
    return cb(...args);
  };
  const debounced = ((...args: [...T]) => {
    lastArgs = args;
    if (timer !== null && !resetTimer) return debounced;
    if (timer !== null) window.clearTimeout(timer);
    timer = window.setTimeout(run, timeout);
    return debounced;
  }) as Debouncer<T, V>;
  debounced.cancel = () => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    lastArgs = null;
    return debounced;
  };
  debounced.run = run;
  return debounced;
}

function userAgentHas(word: string): boolean {
  return typeof navigator !== "undefined" && navigator.userAgent.includes(word);
}

export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: false,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: userAgentHas("Mac"),
  isWin: userAgentHas("Windows"),
  isLinux: userAgentHas("Linux"),
  isSafari: false,
  resourcePathPrefix: "",
};

/** The version of the Obsidian API the stand-in imitates (the `obsidian` package it is typed against). */
export const apiVersion = "1.12.3";

export function requireApiVersion(version: string): boolean {
  const parts = (v: string): number[] => v.split(".").map((n) => Number(n) || 0);
  const [have, want] = [parts(apiVersion), parts(version)];
  for (let i = 0; i < Math.max(have.length, want.length); i++) {
    if ((have[i] ?? 0) !== (want[i] ?? 0)) return (have[i] ?? 0) > (want[i] ?? 0);
  }
  return true;
}

export class MarkdownRenderChild extends Component {
  containerEl: HTMLElement;

  constructor(containerEl: HTMLElement) {
    super();
    this.containerEl = containerEl;
  }
}

export class Keymap {
  static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: string): boolean {
    if (modifier === "Mod") return Platform.isMacOS ? evt.metaKey : evt.ctrlKey;
    if (modifier === "Shift") return evt.shiftKey;
    if (modifier === "Alt") return evt.altKey;
    if (modifier === "Ctrl") return evt.ctrlKey;
    return evt.metaKey;
  }

  static isModEvent(evt?: MouseEvent | KeyboardEvent | null): boolean {
    return !!evt && (Platform.isMacOS ? evt.metaKey : evt.ctrlKey);
  }
}

export function stripHeading(heading: string): string {
  return heading.replace(/[#|^\\%[\]]/g, " ").replace(/\s+/g, " ").trim();
}
