// Files, the Vault, the FileManager and a minimal MetadataCache over an in-memory map of note texts.
// Like Obsidian: `process` reads, transforms and writes in one step (no await in between) then fires
// `modify`; the metadata cache fires `changed` for a note a moment after it was written, then `resolved`.
import type {
  CachedMetadata, DataAdapter, DataWriteOptions, FileManager as RealFileManager, FileStats, MetadataCache as RealMetadataCache,
  TAbstractFile as RealTAbstractFile, TFile as RealTFile, TFolder as RealTFolder, Vault as RealVault,
} from "obsidian";
import { Events } from "./events";

export function normalizePath(path: string): string {
  const cleaned = path.replace(/\\/g, "/").replace(/\/+/g, "/").replace(/^\/+|\/+$/g, "").replace(/\u00a0|\u202f/g, " ");
  return cleaned === "" ? "/" : cleaned.normalize("NFC");
}

export abstract class TAbstractFile implements RealTAbstractFile {
  vault: RealVault;
  path: string;
  name: string;
  parent: TFolder | null = null;

  constructor(vault: Vault, path: string) {
    this.vault = vault as unknown as RealVault;
    this.path = path;
    this.name = path.split("/").pop() ?? path;
  }

  /** Stand-in only: updates the path-derived fields after a rename. */
  setPath(path: string): void {
    this.path = path;
    this.name = path.split("/").pop() ?? path;
  }
}

export class TFile extends TAbstractFile implements RealTFile {
  stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
  basename = "";
  extension = "";

  constructor(vault: Vault, path: string) {
    super(vault, path);
    this.setPath(path);
  }

  override setPath(path: string): void {
    super.setPath(path);
    const dot = this.name.lastIndexOf(".");
    this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
    this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
  }
}

export class TFolder extends TAbstractFile implements RealTFolder {
  children: TAbstractFile[] = [];

  isRoot(): boolean {
    return this.path === "/";
  }
}

type VaultEvent = "create" | "modify" | "delete" | "rename";

export class Vault extends Events implements Pick<RealVault,
  "getName" | "getFileByPath" | "getFolderByPath" | "getAbstractFileByPath" | "getRoot" | "create" | "read" | "cachedRead" | "readBinary" |
  "delete" | "trash" | "rename" | "modify" | "append" | "process" | "getAllLoadedFiles" | "getMarkdownFiles" | "getFiles" | "on"> {
  configDir = ".obsidian";
  /** Binary files of the config folder; the App puts its adapter here. */
  adapter: Pick<DataAdapter, "exists" | "readBinary" | "writeBinary" | "rename" | "remove" | "read" | "append" | "list"> | null = null;
  private readonly root: TFolder;
  private readonly files = new Map<string, TAbstractFile>();
  private readonly contents = new Map<string, string>();

  constructor(private readonly name = "Vault") {
    super();
    this.root = new TFolder(this, "/");
    this.root.name = "";
  }

  getName(): string {
    return this.name;
  }

  getRoot(): TFolder {
    return this.root;
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    const normalized = normalizePath(path);
    return normalized === "/" ? this.root : (this.files.get(normalized) ?? null);
  }

  getFileByPath(path: string): TFile | null {
    const file = this.getAbstractFileByPath(path);
    return file instanceof TFile ? file : null;
  }

  getFolderByPath(path: string): TFolder | null {
    const file = this.getAbstractFileByPath(path);
    return file instanceof TFolder ? file : null;
  }

  getAllLoadedFiles(): TAbstractFile[] {
    return [this.root, ...this.files.values()];
  }

  getFiles(): TFile[] {
    return [...this.files.values()].filter((f): f is TFile => f instanceof TFile);
  }

  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === "md");
  }

  async create(path: string, data: string, options?: DataWriteOptions): Promise<TFile> {
    const normalized = normalizePath(path);
    if (this.files.has(normalized)) throw new Error("File already exists.");
    const file = this.addFile(normalized, data, options);
    this.fire("create", file);
    return Promise.resolve(file);
  }

  async read(file: RealTFile): Promise<string> {
    return Promise.resolve(this.readNow(file.path));
  }

  async cachedRead(file: RealTFile): Promise<string> {
    return Promise.resolve(this.readNow(file.path));
  }

  /** The note as UTF-8, in a buffer of its own (as a read from disk gives). */
  async readBinary(file: RealTFile): Promise<ArrayBuffer> {
    return Promise.resolve(new TextEncoder().encode(this.readNow(file.path)).buffer);
  }

  async modify(file: RealTFile, data: string, options?: DataWriteOptions): Promise<void> {
    this.write(file.path, data, options);
    return Promise.resolve();
  }

  async append(file: RealTFile, data: string, options?: DataWriteOptions): Promise<void> {
    this.write(file.path, this.readNow(file.path) + data, options);
    return Promise.resolve();
  }

  async process(file: RealTFile, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
    // Atomic: nothing can run between the read and the write.
    const next = fn(this.readNow(file.path));
    this.write(file.path, next, options);
    return Promise.resolve(next);
  }

  async rename(file: RealTAbstractFile, newPath: string): Promise<void> {
    const target = normalizePath(newPath);
    const own = this.files.get(file.path);
    if (!own) throw new Error(`File does not exist: ${file.path}`);
    if (this.files.has(target)) throw new Error("Destination file already exists!");
    const moves = own instanceof TFolder ? this.descendants(own) : [own];
    const oldPaths = moves.map((f) => f.path);
    const oldRoot = own.path;
    this.detachFromParent(own);
    for (const moved of moves) {
      const oldPath = moved.path;
      const nextPath = moved === own ? target : target + oldPath.slice(oldRoot.length);
      this.files.delete(oldPath);
      moved.setPath(nextPath);
      this.files.set(nextPath, moved);
      const text = this.contents.get(oldPath);
      if (text !== undefined) {
        this.contents.delete(oldPath);
        this.contents.set(nextPath, text);
      }
    }
    this.attachToParent(own);
    moves.forEach((moved, i) => this.fire("rename", moved, oldPaths[i]));
    return Promise.resolve();
  }

  async delete(file: RealTAbstractFile, _force?: boolean): Promise<void> {
    const own = this.files.get(file.path);
    if (!own) throw new Error(`File does not exist: ${file.path}`);
    const removed = own instanceof TFolder ? this.descendants(own).reverse() : [own];
    this.detachFromParent(own);
    for (const gone of removed) {
      this.files.delete(gone.path);
      this.contents.delete(gone.path);
      this.fire("delete", gone);
    }
    return Promise.resolve();
  }

  async trash(file: RealTAbstractFile, _system: boolean): Promise<void> {
    return this.delete(file);
  }

  /** Stand-in only: loads a note without firing `create` (as Obsidian does while it indexes at start-up). */
  addFile(path: string, text: string, options?: DataWriteOptions): TFile {
    const normalized = normalizePath(path);
    const file = new TFile(this, normalized);
    this.ensureFolder(normalized.split("/").slice(0, -1).join("/"));
    this.files.set(normalized, file);
    this.contents.set(normalized, text);
    this.touch(file, text, options);
    this.attachToParent(file);
    return file;
  }

  /** Stand-in only: synchronous read for the demo editor and tests. */
  readNow(path: string): string {
    const text = this.contents.get(path);
    if (text === undefined) throw new Error(`File does not exist: ${path}`);
    return text;
  }

  private write(path: string, data: string, options?: DataWriteOptions): void {
    const file = this.files.get(path);
    if (!(file instanceof TFile)) throw new Error(`File does not exist: ${path}`);
    this.contents.set(path, data);
    this.touch(file, data, options);
    this.fire("modify", file);
  }

  private touch(file: TFile, text: string, options?: DataWriteOptions): void {
    const now = Date.now();
    file.stat = {
      ctime: options?.ctime ?? (file.stat.ctime || now),
      mtime: options?.mtime ?? now,
      size: new TextEncoder().encode(text).length,
    };
  }

  private fire(name: VaultEvent, file: TAbstractFile, oldPath?: string): void {
    if (oldPath === undefined) this.trigger(name, file);
    else this.trigger(name, file, oldPath);
  }

  private ensureFolder(path: string): TFolder {
    if (path === "" || path === "/") return this.root;
    const existing = this.files.get(path);
    if (existing instanceof TFolder) return existing;
    this.ensureFolder(path.split("/").slice(0, -1).join("/"));
    const folder = new TFolder(this, path);
    this.files.set(path, folder);
    this.attachToParent(folder);
    return folder;
  }

  private parentPath(file: TAbstractFile): string {
    return file.path.split("/").slice(0, -1).join("/");
  }

  private attachToParent(file: TAbstractFile): void {
    const parent = this.ensureFolder(this.parentPath(file));
    file.parent = parent;
    if (!parent.children.includes(file)) parent.children.push(file);
  }

  private detachFromParent(file: TAbstractFile): void {
    const parent = file.parent;
    if (parent) parent.children = parent.children.filter((child) => child !== file);
    file.parent = null;
  }

  private descendants(folder: TFolder): TAbstractFile[] {
    const prefix = `${folder.path}/`;
    return [folder, ...[...this.files.values()].filter((f) => f.path.startsWith(prefix))];
  }
}

export class FileManager implements Pick<RealFileManager, "renameFile" | "trashFile"> {
  constructor(private readonly vault: Vault) {}

  async renameFile(file: RealTAbstractFile, newPath: string): Promise<void> {
    return this.vault.rename(file, newPath);
  }

  async trashFile(file: RealTAbstractFile): Promise<void> {
    return this.vault.delete(file);
  }
}

/**
 * Re-announces notes as Obsidian's cache does: `changed` (file, text, cache) after every write or create,
 * on a later task, then `resolved` once the queue is empty. `getFileCache` returns headings and list items only.
 */
export class MetadataCache extends Events implements Pick<RealMetadataCache, "getFileCache" | "getCache" | "on"> {
  resolvedLinks: Record<string, Record<string, number>> = {};
  unresolvedLinks: Record<string, Record<string, number>> = {};
  private pending = new Set<string>();
  private scheduled = false;

  constructor(private readonly vault: Vault) {
    super();
    vault.on("modify", (file: TAbstractFile) => this.schedule(file));
    vault.on("create", (file: TAbstractFile) => this.schedule(file));
    vault.on("delete", (gone: TAbstractFile) => {
      this.pending.delete(gone.path);
      if (gone instanceof TFile) this.trigger("deleted", gone, null);
    });
  }

  getFileCache(file: RealTFile): CachedMetadata | null {
    return this.getCache(file.path);
  }

  getCache(path: string): CachedMetadata | null {
    const file = this.vault.getFileByPath(path);
    if (!file || file.extension !== "md") return null;
    return buildCache(this.vault.readNow(path));
  }

  /** Stand-in only: resolves once every pending `changed` event has fired. */
  async settle(): Promise<void> {
    while (this.scheduled) await new Promise((resolve) => window.setTimeout(resolve, 0));
  }

  private schedule(file: TAbstractFile): void {
    if (!(file instanceof TFile) || file.extension !== "md") return;
    this.pending.add(file.path);
    if (this.scheduled) return;
    this.scheduled = true;
    window.setTimeout(() => this.flush(), 0);
  }

  private flush(): void {
    const paths = [...this.pending];
    this.pending.clear();
    for (const path of paths) {
      const file = this.vault.getFileByPath(path);
      if (!file) continue;
      const text = this.vault.readNow(path);
      this.trigger("changed", file, text, buildCache(text));
    }
    this.scheduled = false;
    this.trigger("resolved");
  }
}

function buildCache(text: string): CachedMetadata {
  const headings: NonNullable<CachedMetadata["headings"]> = [];
  const listItems: NonNullable<CachedMetadata["listItems"]> = [];
  let offset = 0;
  text.split("\n").forEach((line, index) => {
    const position = {
      start: { line: index, col: 0, offset },
      end: { line: index, col: line.length, offset: offset + line.length },
    };
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) headings.push({ heading: heading[2].trim(), level: heading[1].length, position });
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[(.)\])?/.exec(line);
    if (item) listItems.push({ position, parent: -1, ...(item[1] !== undefined ? { task: item[1] } : {}) });
    offset += line.length + 1;
  });
  return { headings, listItems };
}
