// Saving the index cache: timed saves encode in slices and write the index as it was when they began;
// unloading writes only when the next start would be cold. The cache is one IndexedDB record per vault
// and device (fake-indexeddb here: the real API's transactions in memory), replaced in one transaction.
import { IDBFactory, IDBObjectStore } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { asReal, createApp, flush, loadPlugin, TEST_MANIFEST } from "../../demo/shim/testing";
import { memoryStore, type App, type PluginDataStore } from "../../demo/shim/app";
import { Vault } from "../../demo/shim/vault";
import { IndexCacheStore, indexCacheStore, vaultCacheId } from "../../src/obsidian/cacheStore";
import BrainQueuePlugin from "../../src/obsidian/main";
import { PLANNER, startPlugin, withIndexedDb } from "./pluginFixtures";

// Where earlier builds kept the cache: the stand-in's config folder, found through Vault#configDir.
const OLD_FILE = `${new Vault().configDir}/plugins/brain-queue/index-cache.bin`;
const SIDE = "## Side\n- [ ] 2021/04/14 side task\n";

withIndexedDb();
afterEach(() => vi.restoreAllMocks());

/** Every clock read 5 ms later: a slice (8 ms) ends after two steps, so the encode takes turns. */
function slowClock(): void {
  let time = 0;
  vi.spyOn(performance, "now").mockImplementation(() => (time += 5));
}

/** The plugin on a vault of the planner and a side note, over `store`. */
async function start(store: PluginDataStore): Promise<{ app: App; plugin: BrainQueuePlugin }> {
  return startPlugin({ "Plans/Term.md": PLANNER, "Side.md": SIDE }, store);
}

/** What the vault's cache record holds, read as the plugin reads it. */
const cached = (app: App): Promise<Uint8Array | null> => indexCacheStore(asReal(app), TEST_MANIFEST).read();

async function editSide(app: App, text: string): Promise<void> {
  await app.vault.modify(app.vault.getFileByPath("Side.md")!, text);
  await app.metadataCache.settle();
  await flush();
}

/** A second start of the same vault on the same device: the notes as they were, stats included. */
function reopen(first: App, store: PluginDataStore): App {
  const app = createApp({ pluginData: store });
  for (const file of first.vault.getMarkdownFiles()) {
    const { mtime, ctime } = file.stat;
    app.vault.addFile(file.path, first.vault.readNow(file.path), { mtime, ctime });
  }
  return app;
}

describe("index cache saves", () => {
  it("a timed save encodes between turns for the UI and writes the index as it was when it began", async () => {
    const store = memoryStore();
    const { app, plugin } = await start(store);
    const before = plugin.index().toCache();
    const writes = vi.spyOn(IndexCacheStore.prototype, "write");
    slowClock();
    const saving = plugin.saveCache();
    expect(writes).not.toHaveBeenCalled(); // waiting for its turn, not written in one go
    await editSide(app, "## Side\n- [ ] 2021/04/14 side task, edited\n");
    await saving;
    expect(await cached(app)).toEqual(before);
    // The edit is in the next save.
    await plugin.saveCache();
    expect(await cached(app)).toEqual(plugin.index().toCache());
    plugin.unload();
  });

  it("unloading before any save writes the index in one go, so the next start is warm", async () => {
    const store = memoryStore();
    const { app, plugin } = await start(store);
    plugin.unload();
    await flush();
    expect(await cached(app)).toEqual(plugin.index().toCache());
  });

  it("unloading leaves a cache holding this index alone; the next start reads only the note changed since", async () => {
    const store = memoryStore();
    const first = await start(store);
    await first.plugin.saveCache();
    const saved = await cached(first.app);
    await editSide(first.app, "## Side\n- [ ] 2021/04/15 moved to tomorrow\n");
    const encode = vi.spyOn(first.plugin.index(), "toCache");
    first.plugin.unload();
    await flush();
    expect(encode).not.toHaveBeenCalled();
    expect(await cached(first.app)).toEqual(saved);

    const app = reopen(first.app, store);
    const reads = vi.spyOn(app.vault, "cachedRead");
    const writes = vi.spyOn(IndexCacheStore.prototype, "write");
    const second = await loadPlugin(app, BrainQueuePlugin);
    expect(reads.mock.calls.map(([file]) => file.path)).toEqual(["Side.md"]);
    expect(second.index().itemsOn("2021-04-15").map((i) => i.text)).toContain("moved to tomorrow");
    await second.saveCache();
    expect(writes).toHaveBeenCalledTimes(1); // the re-read note changed the index
    await second.saveCache();
    expect(writes).toHaveBeenCalledTimes(1); // nothing since
    second.unload();
  });

  it("a save under way when the plugin unloads stops without writing", async () => {
    const store = memoryStore();
    const { app, plugin } = await start(store);
    await plugin.saveCache();
    const saved = await cached(app);
    await editSide(app, "## Side\n- [x] 2021/04/14 side task\n");
    const writes = vi.spyOn(IndexCacheStore.prototype, "write");
    slowClock();
    const saving = plugin.saveCache();
    plugin.unload();
    await saving;
    await flush();
    expect(writes).not.toHaveBeenCalled();
    expect(await cached(app)).toEqual(saved);
  });
});

describe("index cache store", () => {
  const OLD = new Uint8Array([1, 2, 3]);
  const NEW = new Uint8Array([4, 5, 6, 7]);
  const store = (): IndexCacheStore => new IndexCacheStore(window.indexedDB, "brain-queue-index-cache-test");

  it("replaces the record in one transaction: an aborted write leaves the old one whole", async () => {
    const cache = store();
    await cache.write(OLD);
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, "put")!.value as IDBObjectStore["put"];
    // The put happens, then the transaction aborts (as on a full disk): nothing of it may remain.
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementationOnce(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
      const request = put.apply(this, args);
      this.transaction.abort();
      return request;
    });
    await expect(cache.write(NEW)).rejects.toThrow();
    await expect(cache.read()).resolves.toEqual(OLD);
    await cache.write(NEW);
    await expect(cache.read()).resolves.toEqual(NEW);
  });

  it("writes one after another, the last one last; a view into a larger buffer stores only its bytes", async () => {
    const cache = store();
    const larger = new Uint8Array([9, 9, ...NEW, 9]).subarray(2, 6);
    await Promise.all([cache.write(OLD), cache.write(larger)]);
    await expect(cache.read()).resolves.toEqual(NEW);
  });

  it("reads nothing from an empty, foreign or missing database, and clear deletes the record", async () => {
    const cache = store();
    await expect(cache.read()).resolves.toBeNull();
    await cache.write(OLD);
    await cache.clear();
    await expect(cache.read()).resolves.toBeNull();
    // A database of the same name with other stores (not ours): no cache, no error.
    const foreign = window.indexedDB.open("foreign", 1);
    foreign.onupgradeneeded = () => foreign.result.createObjectStore("other");
    await new Promise((resolve) => (foreign.onsuccess = () => resolve(foreign.result.close())));
    await expect(new IndexCacheStore(window.indexedDB, "foreign").read()).resolves.toBeNull();
    // No IndexedDB at all: nothing read, a write fails (the saver lets it go), nothing thrown at start-up.
    const none = new IndexCacheStore(null, "brain-queue-index-cache-test");
    await expect(none.read()).resolves.toBeNull();
    await expect(none.write(OLD)).rejects.toThrow("No IndexedDB");
  });
});

describe("where the cache is kept", () => {
  it("one database per vault: its id is kept in the vault's local storage, and another vault has its own", () => {
    const a = asReal(createApp({ vaultName: "Vault A", mount: null }));
    const id = vaultCacheId(a);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(vaultCacheId(asReal(createApp({ vaultName: "Vault A", mount: null })))).toBe(id);
    expect(vaultCacheId(asReal(createApp({ vaultName: "Vault B", mount: null })))).not.toBe(id);
    expect(indexCacheStore(a, TEST_MANIFEST).databaseName).toBe(`brain-queue-index-cache-${id}`);
  });

  it("an app with a vault id starts the kept id from it; without local storage that id, else the name's hash", () => {
    const app = createApp({ vaultName: "Vault C", mount: null });
    Object.assign(app, { appId: "8f3c1a2b4d5e6f70" });
    expect(vaultCacheId(asReal(app))).toBe("8f3c1a2b4d5e6f70");
    expect(app.loadLocalStorage("index-cache-id")).toBe("8f3c1a2b4d5e6f70");

    const old = createApp({ vaultName: "Vault D", mount: null });
    Object.assign(old, { appId: "0123abcd", loadLocalStorage: undefined, saveLocalStorage: undefined });
    expect(vaultCacheId(asReal(old))).toBe("0123abcd");
    Object.assign(old, { appId: undefined });
    const byName = vaultCacheId(asReal(old));
    expect(byName).toMatch(/^name-[0-9a-f]{8}-7$/);
    const other = createApp({ vaultName: "Vault E", mount: null });
    Object.assign(other, { loadLocalStorage: undefined, saveLocalStorage: undefined });
    expect(vaultCacheId(asReal(other))).not.toBe(byName);
  });

  it("an id local storage does not keep is not used (it would be new at every start)", () => {
    const app = createApp({ vaultName: "Vault F", mount: null });
    Object.assign(app, { saveLocalStorage: () => undefined });
    expect(vaultCacheId(asReal(app))).toMatch(/^name-/);
  });

  it("the second start restores from IndexedDB; another vault's start does not", async () => {
    const store = memoryStore();
    const first = await start(store);
    await first.plugin.saveCache();
    first.plugin.unload();
    const app = reopen(first.app, store);
    const reads = vi.spyOn(app.vault, "cachedRead");
    const second = await loadPlugin(app, BrainQueuePlugin);
    expect(second.indexer.restored?.index.size).toBe(2);
    expect(reads).not.toHaveBeenCalled();
    second.unload();

    const elsewhere = createApp({ vaultName: "Another vault", pluginData: memoryStore() });
    elsewhere.vault.addFile("Side.md", SIDE, first.app.vault.getFileByPath("Side.md")!.stat);
    const third = await loadPlugin(elsewhere, BrainQueuePlugin);
    expect(third.indexer.restored).toBeNull();
    expect(third.indexer.lastRebuild).toEqual({ indexed: 1, onWorkers: 0 });
    third.unload();
  });

  it("a damaged record means a cold start, not an error", async () => {
    const store = memoryStore();
    const first = await start(store);
    await first.plugin.saveCache();
    first.plugin.unload();
    const bytes = (await cached(first.app))!;
    bytes[bytes.length - 5] ^= 0xff; // a byte of the last note's text
    const cache = indexCacheStore(asReal(first.app), TEST_MANIFEST);
    for (const damaged of [bytes, bytes.subarray(0, 40)]) {
      await cache.write(damaged);
      const app = reopen(first.app, store);
      const errors = vi.spyOn(console, "error");
      const plugin = await loadPlugin(app, BrainQueuePlugin);
      expect(plugin.index().itemsOn("2021-04-14").map((i) => i.text)).toContain("side task");
      expect(plugin.indexer.lastRebuild?.indexed).toBeGreaterThan(0);
      expect(errors).not.toHaveBeenCalled();
      plugin.unload();
    }
  });

  it("the cache file earlier versions kept in the plugin's folder is removed at start-up", async () => {
    const store = memoryStore();
    store.saveFile(OLD_FILE, new Uint8Array([66, 81, 73, 67]));
    store.saveFile(`${OLD_FILE}.new`, new Uint8Array([66, 81]));
    const { app, plugin } = await start(store);
    expect(store.loadFile(OLD_FILE)).toBeNull();
    expect(store.loadFile(`${OLD_FILE}.new`)).toBeNull();
    await plugin.saveCache();
    expect(store.loadFile(OLD_FILE)).toBeNull(); // the cache goes to IndexedDB only
    expect(await cached(app)).not.toBeNull();
    plugin.unload();
  });
});

describe("the rebuild command", () => {
  it("deletes the cache record, reads every note again, and the next save stores the new index", async () => {
    const store = memoryStore();
    const { app, plugin } = await start(store);
    await plugin.saveCache();
    expect(await cached(app)).not.toBeNull();
    const reads = vi.spyOn(app.vault, "cachedRead");
    app.commands.executeCommandById("brain-queue:rebuild-index");
    await expect.poll(() => document.body.querySelector(".notice")?.textContent).toBe("The index was rebuilt from 2 notes.");
    expect(reads.mock.calls.map(([file]) => file.path).sort()).toEqual(["Plans/Term.md", "Side.md"]);
    expect(await cached(app)).toBeNull();
    expect(plugin.index().itemsOn("2021-04-14").map((i) => i.text)).toContain("side task");
    await plugin.saveCache();
    expect(await cached(app)).toEqual(plugin.index().toCache());
    plugin.unload();
  });
});

describe("without IndexedDB", () => {
  it("every start is cold, and nothing fails", async () => {
    vi.stubGlobal("indexedDB", undefined);
    const store = memoryStore();
    store.saveFile(OLD_FILE, new Uint8Array([66, 81, 73, 67]));
    const first = await start(store);
    expect(store.loadFile(OLD_FILE)).toBeNull();
    await first.plugin.saveCache();
    first.plugin.unload();
    const app = reopen(first.app, store);
    const second = await loadPlugin(app, BrainQueuePlugin);
    expect(second.indexer.restored).toBeNull();
    expect(second.indexer.lastRebuild).toEqual({ indexed: 2, onWorkers: 0 });
    expect(second.index().itemsOn("2021-04-14").map((i) => i.text)).toContain("side task");
    second.unload();
    // What a fresh factory would find: nothing was written anywhere.
    expect(await new IndexCacheStore(new IDBFactory(), indexCacheStore(asReal(app), TEST_MANIFEST).databaseName).read()).toBeNull();
  });
});
