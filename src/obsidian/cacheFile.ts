// The index cache lives in its own binary file in the plugin's folder, not in data.json: settings
// saves stay small, and start-up reads the columns back without a JSON parse.
import { normalizePath, type App, type PluginManifest } from "obsidian";

const FILE_NAME = "index-cache.bin";

export class IndexCacheFile {
  private readonly path: string;
  /** Where a new cache is written before it replaces the old one. */
  private readonly tempPath: string;
  /** The write under way: writes run one after another, never two into the temporary file at once. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly app: App, manifest: PluginManifest) {
    this.path = normalizePath(`${manifest.dir ?? `${app.vault.configDir}/plugins/${manifest.id}`}/${FILE_NAME}`);
    this.tempPath = `${this.path}.new`;
  }

  /** The saved bytes, or null when there are none or they cannot be read (the index then starts cold). */
  async read(): Promise<Uint8Array | null> {
    const adapter = this.app.vault.adapter;
    // No cache file but a new one: a write stopped after removing the old file (see `replace`). A new
    // one cut short is told apart by the decoder, which then restores nothing.
    for (const path of [this.path, this.tempPath]) {
      try {
        if (await adapter.exists(path)) return new Uint8Array(await adapter.readBinary(path));
      } catch {
        return null;
      }
    }
    return null;
  }

  /** Replaces the cache file; until the new bytes are complete the old file stays as it was. */
  write(bytes: Uint8Array): Promise<void> {
    const done = this.writing.then(() => this.replace(bytes));
    this.writing = done.catch(() => undefined);
    return done;
  }

  private async replace(bytes: Uint8Array): Promise<void> {
    const adapter = this.app.vault.adapter;
    // The encoder's output fills its buffer: handed over as it is, not copied (it can be a hundred megabytes).
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
    await adapter.writeBinary(this.tempPath, buffer);
    try {
      await adapter.rename(this.tempPath, this.path);
    } catch (error) {
      // An adapter that will not rename onto an existing file: the old one goes only now that the new
      // one is complete, and `read` takes the new one should the rename then not happen.
      if (!(await adapter.exists(this.tempPath)) || !(await adapter.exists(this.path))) throw error;
      await adapter.remove(this.path);
      await adapter.rename(this.tempPath, this.path);
    }
  }
}
