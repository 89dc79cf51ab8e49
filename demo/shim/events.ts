// Events and Component, modelled on Obsidian's: listeners keep registration order, a throwing listener is
// logged and does not stop the others, and unloading a Component runs every registered cleanup.
import type { Component as RealComponent, EventRef as RealEventRef, Events as RealEvents } from "obsidian";

// `never[]` so that listeners with typed parameters (file: TFile) => … are accepted, as the overloads allow.
type Listener = (...data: never[]) => unknown;

export interface EventRef extends RealEventRef {
  e: Events;
  name: string;
  fn: Listener;
  ctx: unknown;
}

export class Events implements Pick<RealEvents, "on" | "off" | "offref" | "trigger" | "tryTrigger"> {
  private listeners = new Map<string, EventRef[]>();

  on(name: string, callback: Listener, ctx?: unknown): EventRef {
    const ref: EventRef = { e: this, name, fn: callback, ctx };
    const list = this.listeners.get(name) ?? [];
    list.push(ref);
    this.listeners.set(name, list);
    return ref;
  }

  off(name: string, callback: Listener): void {
    const list = this.listeners.get(name);
    if (!list) return;
    this.listeners.set(name, list.filter((ref) => ref.fn !== callback));
  }

  offref(ref: RealEventRef): void {
    const { name } = ref as EventRef;
    const list = this.listeners.get(name);
    if (!list) return;
    this.listeners.set(name, list.filter((other) => other !== ref));
  }

  trigger(name: string, ...data: unknown[]): void {
    // Copy first: a listener may unsubscribe itself while the event is dispatched.
    for (const ref of [...(this.listeners.get(name) ?? [])]) this.tryTrigger(ref, data);
  }

  tryTrigger(evt: RealEventRef, args: unknown[]): void {
    const ref = evt as EventRef;
    try {
      (ref.fn as (...data: unknown[]) => unknown).apply(ref.ctx, args);
    } catch (error) {
      console.error(error);
    }
  }

  /** Stand-in only: how many listeners an event has (tests check that unload leaves none). */
  listenerCount(name?: string): number {
    if (name !== undefined) return this.listeners.get(name)?.length ?? 0;
    let count = 0;
    for (const list of this.listeners.values()) count += list.length;
    return count;
  }
}

export class Component implements Pick<RealComponent, "load" | "unload" | "onunload" | "register" | "registerEvent" | "registerInterval"> {
  /** Stand-in only but mirrors Obsidian's private field, handy for tests. */
  _loaded = false;
  private children: Component[] = [];
  private cleanups: (() => unknown)[] = [];

  load(): void {
    if (this._loaded) return;
    this._loaded = true;
    void this.onload();
    for (const child of [...this.children]) child.load();
  }

  // Plugin.onload may be async, so the base allows a promise (Obsidian's d.ts overrides the same way).
  onload(): void | Promise<void> {}

  unload(): void {
    if (!this._loaded) return;
    this._loaded = false;
    while (this.children.length > 0) this.children.pop()?.unload();
    while (this.cleanups.length > 0) {
      try {
        this.cleanups.pop()?.();
      } catch (error) {
        console.error(error);
      }
    }
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(component: T): T {
    this.children.push(component);
    if (this._loaded) component.load();
    return component;
  }

  removeChild<T extends Component>(component: T): T {
    const index = this.children.indexOf(component);
    if (index >= 0) {
      this.children.splice(index, 1);
      component.unload();
    }
    return component;
  }

  register(cb: () => unknown): void {
    this.cleanups.push(cb);
  }

  registerEvent(eventRef: RealEventRef): void {
    const ref = eventRef as EventRef;
    this.register(() => ref.e.offref(ref));
  }

  registerDomEvent(
    el: Window | Document | HTMLElement, type: string, callback: (ev: Event) => unknown, options?: boolean | AddEventListenerOptions,
  ): void {
    el.addEventListener(type, callback, options);
    this.register(() => el.removeEventListener(type, callback, options));
  }

  registerInterval(id: number): number {
    this.register(() => window.clearInterval(id));
    return id;
  }
}
