// The `obsidian` module inside the benchmark bundle: just what the Today renderer imports, taken from
// the demo's stand-in (real SVG icons, language lookup) without its workspace and editor.
export { setIcon, getIcon } from "../../demo/shim/icons";
export { getLanguage, requireApiVersion } from "../../demo/shim/misc";

export const moment = { locale: (): string => "en" };
