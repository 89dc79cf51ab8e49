import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";

export default defineConfig([
  globalIgnores(["node_modules/", "main.js", "demo/dist/", "demo/vault/", "tests/output/", ".build/", "**/*.mjs", "**/*.json"]),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // The declarative settings API (getSettingDefinitions) is 1.13+ and absent from the typings we build
    // against; on 1.13 it replaces display() outright, which would drop the priority list's reorder
    // controls. Keep display() until the minimum app version moves past 1.13.
    files: ["src/obsidian/settingsTab.ts", "tests/plugin/**/*.ts"],
    rules: { "obsidianmd/settings-tab/prefer-setting-definitions": "off" },
  },
  {
    // The domain must stay free of the Obsidian API so the CLI and tests can run it; the parse worker
    // (no Obsidian, no window there) runs nothing but the domain.
    files: ["src/core/**/*.ts", "src/worker/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [
          { name: "obsidian", message: "src/core/ is pure: adapt Obsidian in src/obsidian/." },
          { name: "@codemirror/state", message: "src/core/ is pure." },
          { name: "@codemirror/view", message: "src/core/ is pure." },
        ],
        patterns: [{ group: ["node:*", "fs", "path", "**/obsidian/*", "**/cli/*"], message: "src/core/ is pure." }],
      }],
    },
  },
  {
    // Tests, the CLI, the demo stand-in and scripts are not plugin code.
    files: ["tests/**/*.ts", "src/cli/**/*.ts", "demo/**/*.ts", "scripts/**/*.ts", "vitest.config.ts"],
    rules: {
      "obsidianmd/no-node-builtins": "off",
      "obsidianmd/no-nodejs-modules": "off",
      "import/no-nodejs-modules": "off",
      "no-restricted-imports": "off",
      "obsidianmd/ui/sentence-case": "off",
      "obsidianmd/prefer-file-manager-trash-file": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The stand-in implements the Obsidian primitives these rules point plugins to (createEl, setIcon,
    // getLanguage, Platform, configDir), so it has to use the raw DOM and browser APIs underneath.
    files: ["demo/shim/**/*.ts"],
    rules: {
      "obsidianmd/prefer-create-el": "off",
      "obsidianmd/no-global-this": "off",
      "obsidianmd/prefer-instanceof": "off",
      "obsidianmd/no-static-styles-assignment": "off",
      "obsidianmd/prefer-get-language": "off",
      "obsidianmd/platform": "off",
      "obsidianmd/hardcoded-config-path": "off",
    },
  },
]);
