// A long-press on a touch screen does what right-click does with a mouse. iOS sends no contextmenu event
// for a resting finger (Android's WebView does), so the press is timed here on pointer events. Everything
// is registered on a Component: unloading it removes every listener and any pending timer.
import type { Component } from "obsidian";

/** How long a finger rests before it is a long-press (the platforms' own value is about this). */
export const LONG_PRESS_MS = 500;
/** A finger that moves further than this (px) is scrolling, not pressing. */
const MOVE_TOLERANCE = 10;

export type PressHandler = (target: HTMLElement, x: number, y: number) => void;

/**
 * Calls `onPress` when a touch rests on `el` or inside it for LONG_PRESS_MS without moving. The click
 * the lift may make is cancelled; so is the contextmenu event Android sends for the same press (it
 * stands for the press when it comes first). Contextmenu events from a mouse or keyboard pass on.
 */
export function registerLongPress(component: Component, el: HTMLElement, onPress: PressHandler): void {
  let timer: number | null = null;
  let press: { id: number; x: number; y: number; target: HTMLElement } | null = null;
  /** A press fired and its finger's click or contextmenu may still come. */
  let fired = false;
  const cancel = (): void => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    press = null;
  };
  const fire = (): void => {
    const at = press;
    cancel();
    if (!at) return;
    fired = true;
    onPress(at.target, at.x, at.y);
  };
  const swallow = (evt: Event): void => {
    evt.preventDefault();
    evt.stopPropagation();
  };
  component.register(cancel);
  component.registerDomEvent(el, "pointerdown", (evt) => {
    cancel();
    fired = false;
    if (evt.pointerType !== "touch" || !evt.isPrimary || !(evt.target instanceof HTMLElement)) return;
    press = { id: evt.pointerId, x: evt.clientX, y: evt.clientY, target: evt.target };
    timer = window.setTimeout(fire, LONG_PRESS_MS);
  });
  component.registerDomEvent(el, "pointermove", (evt) => {
    if (press?.id === evt.pointerId && Math.hypot(evt.clientX - press.x, evt.clientY - press.y) > MOVE_TOLERANCE) cancel();
  });
  component.registerDomEvent(el, "pointerup", cancel);
  // The lift's click is hit-tested where the finger lifts, and what the press opened (a menu rising as a
  // sheet from the bottom) may lie there by then: that click would choose the entry under the finger.
  // Touch events keep the target the finger first touched, so cancelling the lift here stops that click
  // wherever it would land.
  component.registerDomEvent(el, "touchend", (evt) => {
    if (fired && evt.cancelable) evt.preventDefault();
  });
  component.registerDomEvent(el, "pointercancel", cancel);
  component.registerDomEvent(el, "click", (evt) => {
    if (!fired) return;
    fired = false;
    swallow(evt);
  }, { capture: true });
  component.registerDomEvent(el, "contextmenu", (evt) => {
    if (press) {
      swallow(evt);
      fire();
    } else if (fired) swallow(evt);
  }, { capture: true });
  component.registerDomEvent(el, "keydown", () => {
    fired = false;
  });
}
