// The `obsidian` module inside the benchmark bundle: just what the Today renderer imports, taken from
// the demo's stand-in (real SVG icons, language lookup) without its workspace and editor.
export { setIcon, getIcon } from "../../demo/shim/icons";
export { getLanguage, requireApiVersion } from "../../demo/shim/misc";
// The index cache's store (the warm start reads through it) imports normalizePath.
export { normalizePath } from "../../demo/shim/vault";

export const moment = { locale: (): string => "en" };
