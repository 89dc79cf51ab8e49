// The index cache lives in its own binary file in the plugin's folder, not in data.json: settings
// saves stay small, and start-up reads the columns back without a JSON parse.
import { normalizePath, type App, type PluginManifest } from "obsidian";

const FILE_NAME = "index-cache.bin";

export class IndexCacheFile {
  private readonly path: string;

  constructor(private readonly app: App, manifest: PluginManifest) {
    this.path = normalizePath(`${manifest.dir ?? `${app.vault.configDir}/plugins/${manifest.id}`}/${FILE_NAME}`);
  }

  /** The saved bytes, or null when there are none or they cannot be read (the index then starts cold). */
  async read(): Promise<Uint8Array | null> {
    try {
      const adapter = this.app.vault.adapter;
      if (!(await adapter.exists(this.path))) return null;
      return new Uint8Array(await adapter.readBinary(this.path));
    } catch {
      return null;
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await this.app.vault.adapter.writeBinary(this.path, buffer);
  }
}
