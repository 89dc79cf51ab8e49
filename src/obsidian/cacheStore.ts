// The index cache lives in IndexedDB, in one database per vault on this device: outside the vault's
// folder, so sync services and git never carry it and two devices never overwrite each other's cache.
// The store keeps bytes only; the codec (core/indexCache) verifies them when they are restored.
import { normalizePath, requireApiVersion, type App, type PluginManifest } from "obsidian";

/** The one object store, holding one record: the cache's bytes as an ArrayBuffer. */
const STORE = "cache";
const RECORD = "index";
/** The local-storage key of this vault's database id. */
const ID_KEY = "index-cache-id";
/** Where earlier builds kept the cache, in the plugin's folder; removed at start-up. */
const OLD_FILE = "index-cache.bin";


export class IndexCacheStore {
  /** The write under way: writes run one after another, the last one last. */
  private writing: Promise<void> = Promise.resolve();

  /** `idb` null: no IndexedDB here (reads find nothing, writes keep nothing, every start is cold). */
  constructor(private readonly idb: IDBFactory | null, readonly databaseName: string) {}

  /** The saved bytes, or null when there are none or they cannot be read (the index then starts cold). */
  async read(): Promise<Uint8Array | null> {
    try {
      const value = await this.run("readonly", (store) => store.get(RECORD));
      // Anything but an ArrayBuffer (a damaged or foreign record) is no cache; the codec checks the rest.
      return Object.prototype.toString.call(value) === "[object ArrayBuffer]" ? new Uint8Array(value as ArrayBuffer) : null;
    } catch {
      return null;
    }
  }

  /** Replaces the record in one transaction: until it commits, the old record stays as it was. */
  write(bytes: Uint8Array): Promise<void> {
    // The encoder's output fills its buffer: handed over as it is, not copied once more before the clone.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = whole ? bytes.buffer : bytes.slice().buffer;
    return this.queue(() => this.run("readwrite", (store) => store.put(buffer, RECORD)).then(() => undefined));
  }

  /** Deletes the record (the next start indexes the vault again). */
  clear(): Promise<void> {
    return this.queue(() => this.run("readwrite", (store) => store.delete(RECORD)).then(() => undefined));
  }

  private queue(task: () => Promise<void>): Promise<void> {
    const done = this.writing.then(task);
    this.writing = done.catch(() => undefined);
    return done;
  }

  /** One request in its own transaction, settled when the transaction completes (a write is then stored). */
  private async run(mode: IDBTransactionMode, request: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
    const db = await this.open();
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const req = request(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(req.result);
        transaction.onerror = () => reject(transaction.error ?? req.error ?? new Error("IndexedDB transaction failed"));
        transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB transaction aborted"));
      });
    } finally {
      db.close();
    }
  }

  private open(): Promise<IDBDatabase> {
    const idb = this.idb;
    if (!idb) return Promise.reject(new Error("No IndexedDB"));
    return new Promise((resolve, reject) => {
      const request = idb.open(this.databaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const db = request.result;
        // Someone deleting or upgrading the database (the developer tools) is not kept waiting.
        db.onversionchange = () => db.close();
        resolve(db);
      };
      request.onerror = () => reject(request.error ?? new Error("IndexedDB open failed"));
      request.onblocked = () => reject(new Error("IndexedDB open blocked"));
    });
  }
}

/** The store for this vault on this device, over the browser's IndexedDB when there is one. */
export function indexCacheStore(app: App, manifest: PluginManifest): IndexCacheStore {
  return new IndexCacheStore(window.indexedDB ?? null, `${manifest.id}-index-cache-${vaultCacheId(app)}`);
}

/**
 * An id per vault and per device. Kept with App.saveLocalStorage (from 1.8.7; localStorage under the
 * vault's own prefix): first set to the app's vault id when it has one (what Dataview keys its cache by,
 * so an app updated past 1.8.7 keeps its database), else to a random one. Before 1.8.7, or when local
 * storage keeps nothing: the app's vault id, else a hash of the vault's name (two vaults of one name on
 * a device then share a database; the per-note stat check still tells their notes apart).
 */
export function vaultCacheId(app: App): string {
  const appId: unknown = (app as unknown as { appId?: unknown }).appId;
  const vaultId = typeof appId === "string" && /^[\w-]{1,64}$/.test(appId) ? appId : null;
  if (requireApiVersion("1.8.7")) {
    try {
      const kept: unknown = app.loadLocalStorage(ID_KEY);
      if (typeof kept === "string" && /^[\w-]{1,64}$/.test(kept)) return kept;
      const id = vaultId ?? randomId();
      app.saveLocalStorage(ID_KEY, id);
      // An id that was not kept (storage full or refused) would be new at every start: not used.
      if (app.loadLocalStorage(ID_KEY) === id) return id;
    } catch {
      // Local storage refused: fall through.
    }
  }
  if (vaultId) return vaultId;
  return nameHash(app.vault.getName());
}

/** FNV-1a over the name's UTF-8 bytes, and their count. */
function nameHash(name: string): string {
  const bytes = new TextEncoder().encode(name);
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return `name-${(hash >>> 0).toString(16).padStart(8, "0")}-${bytes.length}`;
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Removes the cache file earlier versions kept in the plugin's folder (and its temporary twin). At
 * every start, not only after a save to IndexedDB: the file is never read again, it is large, and it is
 * in the folder that syncs; where IndexedDB is missing it would otherwise stay for good.
 */
export async function removeOldCacheFile(app: App, manifest: PluginManifest): Promise<void> {
  const adapter = app.vault.adapter;
  const path = normalizePath(`${manifest.dir ?? `${app.vault.configDir}/plugins/${manifest.id}`}/${OLD_FILE}`);
  for (const file of [path, `${path}.new`]) {
    try {
      if (await adapter.exists(file)) await adapter.remove(file);
    } catch {
      // Gone already, or not removable now: the next start tries again.
    }
  }
}
