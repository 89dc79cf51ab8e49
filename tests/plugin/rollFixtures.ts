// Shared by the roll tests: a reading schedule in the shapes of a real plan (own wording), and the
// roll preview's parts as a person meets them (open it, read its rows, untick, confirm).
import { expect } from "vitest";
import { flush } from "../../demo/shim/testing";
import type { startPlugin } from "./pluginFixtures";

type App = Awaited<ReturnType<typeof startPlugin>>["app"];

/** A schedule (one chapter a day) with ch2 and ch3 overdue on the pinned day, 2021-04-14. */
export const READING = [
  "## Reading",
  "- [x] 2021/4/10    ch1",
  "- [ ] 2021/4/11    ch2",
  "- [ ] 2021/4/12    ch3",
  "- [ ] 2021/4/15    ch4",
];

/** `text` with READING's open chapters shifted as a roll in shift mode writes them (ch2 lands on the day). */
export const readingShifted = (text: string): string => text.replace("2021/4/11    ch2", "2021/4/14    ch2")
  .replace("2021/4/12    ch3", "2021/4/15    ch3").replace("2021/4/15    ch4", "2021/4/18    ch4");

/** Last term's plan, with the same `## Reading` heading as READING. */
export const OLD_READING = ["## Reading", "- [ ] 2020/11/02    old ch1", "- [ ] 2020/11/03    old ch2", ""].join("\n");

export const rollModal = (): HTMLElement => document.body.querySelector<HTMLElement>(".bq-roll-modal")!;
export const rollRows = (): string[] => Array.from(rollModal().querySelectorAll(".bq-roll-change")).map((row) => row.textContent ?? "");

/** Runs "Roll unfinished items forward…" and lets the preview open. */
export async function openRollPreview(app: App): Promise<void> {
  app.commands.executeCommandById("brain-queue:roll-forward");
  await flush();
}

/** Unticks the preview's row ending in `text`. */
export function untick(text: string): void {
  const row = Array.from(rollModal().querySelectorAll<HTMLElement>(".bq-roll-change")).find((r) => r.textContent?.endsWith(text))!;
  const box = row.querySelector<HTMLInputElement>("input.bq-roll-include")!;
  box.checked = false;
  box.dispatchEvent(new Event("change"));
}

export async function confirmRoll(): Promise<void> {
  rollModal().querySelector<HTMLButtonElement>(".bq-roll-confirm")!.click();
  await flush(5);
}

/** Waits (a turn of the event loop at a time) until `ready` holds. */
export async function until(ready: () => boolean): Promise<void> {
  for (let turn = 0; turn < 500 && !ready(); turn++) await flush(1);
  expect(ready()).toBe(true);
}
