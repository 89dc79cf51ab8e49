// The write path when the note is open: one editor transaction over only the changed ranges, so the
// cursor stays and one undo step reverts it.
import { describe, expect, it } from "vitest";
import { EditorView } from "@codemirror/view";
import type { ChangeSet, Text } from "@codemirror/state";
import { flush } from "../../demo/shim/testing";
import type { MarkdownView } from "../../demo/shim/views";
import { editorChanges } from "../../src/obsidian/applyEdits";
import { toggleEdit } from "../../src/core/planner/edits";
import { PLANNER, startPlugin } from "./pluginFixtures";

async function openInEditor() {
  const { app, plugin } = await startPlugin();
  const transactions: { changes: ChangeSet; before: Text }[] = [];
  app.workspace.baseEditorExtensions.push(
    EditorView.updateListener.of((update) => {
      if (update.docChanged) transactions.push(...update.transactions.filter((tr) => tr.docChanged).map((tr) => ({ changes: tr.changes, before: tr.startState.doc })));
    }),
  );
  const file = app.vault.getFileByPath("Plans/Term.md")!;
  const leaf = app.workspace.getLeaf(false);
  await leaf.openFile(file);
  const view = leaf.view as MarkdownView;
  transactions.length = 0;
  return { app, plugin, view, editor: view.editor, transactions };
}

describe("editing an open note", () => {
  it("dispatches one transaction, keeps the cursor, and one inverse restores the bytes", async () => {
    const { plugin, editor, transactions } = await openInEditor();
    const item = plugin.index().itemsOn("2021-04-14").find((i) => i.text === "三数之和")!;
    editor.setCursor({ line: 2, ch: 5 });
    const result = await plugin.applyEdits(item.path, [toggleEdit(item)]);
    expect(result).toMatchObject({ ok: true });
    expect(transactions).toHaveLength(1);
    expect(editor.getValue()).toBe(PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [x] 2021/04/14    三数之和"));
    expect(editor.getCursor()).toEqual({ line: 2, ch: 5 });
    // Exactly one character changed: the status inside the brackets.
    let touched = 0;
    transactions[0].changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
      touched++;
      expect(toA - fromA).toBe(1);
      expect(inserted.toString()).toBe("x");
    });
    expect(touched).toBe(1);
    // Undo is the inverse of that one transaction.
    editor.cm.dispatch({ changes: transactions[0].changes.invert(transactions[0].before) });
    expect(editor.getValue()).toBe(PLANNER);
    plugin.unload();
  });

  it("uses the editor's unsaved text, and the view follows without waiting for the save", async () => {
    const { app, plugin, editor } = await openInEditor();
    app.workspace.saveDelay = 60_000; // the person's edit is not on disk yet
    const at = PLANNER.split("\n").indexOf("- [x] 2021/04/14    四数之和") + 1;
    editor.replaceRange("- [ ] 2021/04/14    新题\n", { line: at, ch: 0 });
    await new Promise((resolve) => window.setTimeout(resolve, 40));
    const item = plugin.index().itemsOn("2021-04-14").find((i) => i.text === "新题");
    expect(item).toBeDefined();
    const result = await plugin.applyEdits(item!.path, [toggleEdit(item!)]);
    expect(result.ok).toBe(true);
    expect(editor.getLine(at)).toBe("- [x] 2021/04/14    新题");
    expect(plugin.index().itemsOn("2021-04-14").find((i) => i.text === "新题")?.done).toBe(true);
    await flush();
    plugin.unload();
  });

  it("refuses when the editor's line no longer says what the index saw", async () => {
    const { plugin, editor } = await openInEditor();
    const item = plugin.index().itemsOn("2021-04-14").find((i) => i.text === "三数之和")!;
    editor.setLine(item.line - 1, "- [ ] 2021/04/14    三数之和 (edited)");
    const before = editor.getValue();
    const result = await plugin.applyEdits(item.path, [toggleEdit(item)]);
    expect(result.ok).toBe(false);
    expect(editor.getValue()).toBe(before);
    plugin.unload();
  });
});

describe("editorChanges", () => {
  it("changes only the differing characters per line when the line count is kept", () => {
    expect(editorChanges("a\n- [ ] x\nb", "a\n- [x] x\nb")).toEqual([{ from: { line: 1, ch: 3 }, to: { line: 1, ch: 4 }, text: "x" }]);
  });
  it("covers the differing middle when lines are added or removed", () => {
    expect(editorChanges("a\nb\nc", "a\nb\nnew\nc")).toEqual([{ from: { line: 2, ch: 0 }, to: { line: 2, ch: 0 }, text: "new\n" }]);
    expect(editorChanges("a\nb\nc", "a\nc")).toEqual([{ from: { line: 1, ch: 0 }, to: { line: 2, ch: 0 }, text: "" }]);
  });
});
