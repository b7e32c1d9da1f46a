import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface FormElement {
  file: string;
  line: number;
  tag: string;
  noValidate: boolean;
  /** Where to insert an attribute: just after the tag name. */
  insertAt: number;
}

const FORM_TAG = /^(form|Form|\w+\.Form)$/;

function* tsxFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* tsxFiles(full);
    else if (entry.name.endsWith(".tsx")) yield full;
  }
}

/** Every <form>, <Form> and <fetcher.Form> written in app/, with whether it says noValidate. */
export function formsIn(root = "app"): FormElement[] {
  const found: FormElement[] = [];
  for (const file of tsxFiles(root)) {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node) => {
      if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
        const tag = node.tagName.getText(source);
        if (FORM_TAG.test(tag)) {
          const noValidate = node.attributes.properties.some(
            (p) =>
              ts.isJsxAttribute(p) &&
              p.name.getText(source) === "noValidate" &&
              (!p.initializer || p.initializer.getText(source) !== "{false}"),
          );
          found.push({
            file,
            line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
            tag,
            noValidate,
            insertAt: node.tagName.getEnd(),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
