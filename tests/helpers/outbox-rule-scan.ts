import ts from "typescript";

/**
 * A static check of the outbox rule: a change, its audit row and its outbox event are
 * written in one transaction. It reads every function and lists its "units of work": each
 * transaction it opens directly (withTenant, withGlobal, ...) and each call to a function
 * that opens its own transaction to write (found across all files scanned). A function
 * breaks the rule when one unit writes an audit row or emits an event and ANOTHER unit
 * writes state: a crash (or a failed insert) between them leaves a change without its
 * record, or a record of a change that never happened.
 */
export interface RuleBreak {
  file: string;
  fn: string;
  line: number;
  detail: string;
}

const DOORS = new Set(["withTenant", "withGlobal", "withNewTenant", "withGlobalThenTenant"]);
const WRITE_METHODS = new Set(["create", "createMany", "update", "updateMany", "upsert", "delete", "deleteMany"]);

interface Unit {
  node: ts.Node;
  records: boolean;
  writes: boolean;
  label: string;
}

function calleeName(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** "auditEntry" for `db.auditEntry.create(...)`. */
function modelOf(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isPropertyAccessExpression(e) && ts.isPropertyAccessExpression(e.expression)) return e.expression.name.text;
  return undefined;
}

function isRecordCall(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (name === "emitEvent") return true;
  return modelOf(call) === "auditEntry" && name !== undefined && WRITE_METHODS.has(name);
}

function isStateWrite(call: ts.CallExpression, selfTransacting: Set<string>): boolean {
  const name = calleeName(call);
  if (!name) return false;
  if (isRecordCall(call)) return false;
  if (WRITE_METHODS.has(name) && modelOf(call) !== undefined) return true;
  if (name === "$executeRaw" || name === "$executeRawUnsafe") return true;
  return ts.isIdentifier(call.expression) && selfTransacting.has(name);
}

function visitCalls(node: ts.Node, fn: (call: ts.CallExpression) => void) {
  const walk = (n: ts.Node) => {
    if (ts.isCallExpression(n)) fn(n);
    n.forEachChild(walk);
  };
  walk(node);
}

function isFunctionLike(n: ts.Node): n is ts.FunctionLikeDeclaration {
  return ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n);
}

/** Transaction calls in a function's body that are not inside another transaction call or a nested named function. */
function topLevelCalls(body: ts.Node, pick: (call: ts.CallExpression) => boolean): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const walk = (n: ts.Node) => {
    if (n !== body && (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n))) return;
    if (ts.isCallExpression(n) && pick(n)) {
      found.push(n);
      return;
    }
    n.forEachChild(walk);
  };
  walk(body);
  return found;
}

const isDoor = (call: ts.CallExpression) => ts.isIdentifier(call.expression) && DOORS.has(call.expression.text);

function namedFunctions(source: ts.SourceFile): Array<{ name: string; node: ts.FunctionLikeDeclaration }> {
  const out: Array<{ name: string; node: ts.FunctionLikeDeclaration }> = [];
  const walk = (n: ts.Node) => {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name && n.body) out.push({ name: n.name.getText(source), node: n });
    else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && isFunctionLike(n.initializer))
      out.push({ name: n.name.text, node: n.initializer });
    n.forEachChild(walk);
  };
  walk(source);
  return out;
}

/**
 * `followUps`: writers that are not part of any audited change (a user's "open this business
 * next" preference), by function name, each with the reason it may run after the commit.
 */
export function findOutboxRuleBreaks(files: Array<{ path: string; text: string }>, followUps: Record<string, string> = {}): RuleBreak[] {
  const sources = files.map((f) => ({ path: f.path, source: ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true) }));

  // Functions that open a transaction and write inside it: calling one is a unit of work of its own.
  const selfTransacting = new Set<string>();
  for (let pass = 0; pass < 3; pass++) {
    for (const { source } of sources)
      for (const { name, node } of namedFunctions(source)) {
        if (!node.body || selfTransacting.has(name) || name in followUps) continue;
        const writes = topLevelCalls(node.body, isDoor).some((door) => {
          let w = false;
          visitCalls(door, (c) => (w ||= c !== door && (isStateWrite(c, selfTransacting) || isRecordCall(c))));
          return w;
        });
        if (writes) selfTransacting.add(name);
      }
  }

  const breaks: RuleBreak[] = [];
  for (const { path, source } of sources)
    for (const { name, node } of namedFunctions(source)) {
      if (!node.body) continue;
      const units: Unit[] = topLevelCalls(
        node.body,
        (c) => isDoor(c) || (ts.isIdentifier(c.expression) && selfTransacting.has(c.expression.text) && c.expression.text !== name),
      ).map((call) => {
        if (!isDoor(call)) return { node: call, records: false, writes: true, label: `${calleeName(call)}()` };
        let records = false;
        let writes = false;
        visitCalls(call, (c) => {
          if (c === call) return;
          records ||= isRecordCall(c);
          writes ||= isStateWrite(c, selfTransacting);
        });
        return { node: call, records, writes, label: `${calleeName(call)}(…)` };
      });
      const recorder = units.find((u) => u.records);
      const other = units.find((u) => u !== recorder && u.writes);
      if (recorder && other) {
        const line = source.getLineAndCharacterOfPosition(other.node.getStart(source)).line + 1;
        breaks.push({
          file: path,
          fn: name,
          line,
          detail: `${other.label} writes state outside the transaction (${recorder.label}) that writes the audit row / outbox event`,
        });
      }
    }
  return breaks;
}
