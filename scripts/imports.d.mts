// Types for scripts/imports.mjs, which a unit test imports.
export const CORE_STAGES: string[];
export function sourceFiles(root: string, dirs: string[]): string[];
export function specifiersOf(text: string): string[];
export function importGraph(root: string, files: string[], read?: (file: string) => string): Map<string, string[]>;
export function findCycles(graph: Map<string, string[]>): string[][];
export function layoutProblems(graph: Map<string, string[]>, stages?: string[]): string[];
export function importProblems(root: string, dirs?: string[]): string[];
