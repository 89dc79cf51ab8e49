// Saving the index cache: timed saves encode in slices and write the index as it was when they began;
// unloading writes only when the next start would be cold; the old file stays whole until a new one is.
import { afterEach, describe, expect, it, vi } from "vitest";
import { asReal, createApp, flush, loadPlugin, TEST_MANIFEST } from "../../demo/shim/testing";
import { memoryStore, type App, type PluginDataStore } from "../../demo/shim/app";
import { Vault } from "../../demo/shim/vault";
import { IndexCacheFile } from "../../src/obsidian/cacheFile";
import BrainQueuePlugin from "../../src/obsidian/main";
import { PLANNER, startPlugin } from "./pluginFixtures";

// The stand-in's config folder; the plugin finds it through Vault#configDir.
const CACHE_FILE = `${new Vault().configDir}/plugins/brain-queue/index-cache.bin`;
const NEW_FILE = `${CACHE_FILE}.new`;
const SIDE = "## Side\n- [ ] 2021/04/14 side task\n";

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

async function editSide(app: App, text: string): Promise<void> {
  await app.vault.modify(app.vault.getFileByPath("Side.md")!, text);
  await app.metadataCache.settle();
  await flush();
}

describe("index cache saves", () => {
  it("a timed save encodes between turns for the UI and writes the index as it was when it began", async () => {
    const store = memoryStore();
    const { app, plugin } = await start(store);
    const before = plugin.index().toCache();
    slowClock();
    const saving = plugin.saveCache();
    expect(store.loadFile(CACHE_FILE)).toBeNull(); // waiting for its turn, not written in one go
    await editSide(app, "## Side\n- [ ] 2021/04/14 side task, edited\n");
    await saving;
    expect(store.loadFile(CACHE_FILE)).toEqual(before);
    // The edit is in the next save.
    await plugin.saveCache();
    expect(store.loadFile(CACHE_FILE)).toEqual(plugin.index().toCache());
    expect(store.loadFile(NEW_FILE)).toBeNull();
    plugin.unload();
  });

  it("unloading before any save writes the index in one go, so the next start is warm", async () => {
    const store = memoryStore();
    const { plugin } = await start(store);
    plugin.unload();
    await flush();
    expect(store.loadFile(CACHE_FILE)).toEqual(plugin.index().toCache());
  });

  it("unloading leaves a file holding this index alone; the next start reads only the note changed since", async () => {
    const store = memoryStore();
    const first = await start(store);
    await first.plugin.saveCache();
    const saved = store.loadFile(CACHE_FILE);
    await editSide(first.app, "## Side\n- [ ] 2021/04/15 moved to tomorrow\n");
    const encode = vi.spyOn(first.plugin.index(), "toCache");
    first.plugin.unload();
    await flush();
    expect(encode).not.toHaveBeenCalled();
    expect(store.loadFile(CACHE_FILE)).toEqual(saved);

    const app = createApp({ pluginData: store });
    for (const path of ["Plans/Term.md", "Side.md"]) {
      const { mtime, ctime } = first.app.vault.getFileByPath(path)!.stat;
      app.vault.addFile(path, first.app.vault.readNow(path), { mtime, ctime });
    }
    const reads = vi.spyOn(app.vault, "cachedRead");
    const writes = vi.spyOn(app.vault.adapter!, "writeBinary");
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
    const saved = store.loadFile(CACHE_FILE);
    await editSide(app, "## Side\n- [x] 2021/04/14 side task\n");
    const writes = vi.spyOn(app.vault.adapter!, "writeBinary");
    slowClock();
    const saving = plugin.saveCache();
    plugin.unload();
    await saving;
    await flush();
    expect(writes).not.toHaveBeenCalled();
    expect(store.loadFile(CACHE_FILE)).toEqual(saved);
  });
});

describe("index cache file", () => {
  const setUp = () => {
    const store = memoryStore();
    const app = createApp({ pluginData: store });
    return { store, adapter: app.vault.adapter!, file: new IndexCacheFile(asReal(app), TEST_MANIFEST) };
  };
  const OLD = new Uint8Array([1, 2, 3]);
  const NEW = new Uint8Array([4, 5, 6, 7]);

  it("replaces the old file, which stays whole when writing the new one fails", async () => {
    const { store, adapter, file } = setUp();
    await file.write(OLD);
    vi.spyOn(adapter, "writeBinary").mockRejectedValueOnce(new Error("disk full"));
    await expect(file.write(NEW)).rejects.toThrow("disk full");
    expect(store.loadFile(CACHE_FILE)).toEqual(OLD);
    await file.write(NEW);
    expect(store.loadFile(CACHE_FILE)).toEqual(NEW);
    expect(store.loadFile(NEW_FILE)).toBeNull();
    await expect(file.read()).resolves.toEqual(NEW);
  });

  it("reads the new file when a write stopped after removing the old one", async () => {
    const { store, adapter, file } = setUp();
    await file.write(OLD);
    vi.spyOn(adapter, "rename").mockRejectedValue(new Error("stopped"));
    await expect(file.write(NEW)).rejects.toThrow("stopped");
    expect(store.loadFile(CACHE_FILE)).toBeNull();
    await expect(file.read()).resolves.toEqual(NEW);
  });

  it("with an adapter that renames onto an existing file, replaces it in one step", async () => {
    const { store, adapter, file } = setUp();
    await file.write(OLD);
    vi.spyOn(adapter, "rename").mockImplementation((from, to) => {
      store.saveFile(to, store.loadFile(from)!);
      store.removeFile(from);
      return Promise.resolve();
    });
    const remove = vi.spyOn(adapter, "remove");
    await file.write(NEW);
    expect(remove).not.toHaveBeenCalled();
    expect(store.loadFile(CACHE_FILE)).toEqual(NEW);
  });

  it("writes one after another, the last one last", async () => {
    const { store, file } = setUp();
    await Promise.all([file.write(OLD), file.write(NEW)]);
    expect(store.loadFile(CACHE_FILE)).toEqual(NEW);
    expect(store.loadFile(NEW_FILE)).toBeNull();
  });
});
