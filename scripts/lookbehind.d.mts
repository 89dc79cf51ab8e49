// Types for scripts/lookbehind.mjs, which a unit test imports.
export function lookbehindsIn(text: string): { line: number; excerpt: string }[];
export function checkFile(file: string): string | null;
