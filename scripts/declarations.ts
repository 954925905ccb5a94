/**
 * The build's last step for type declarations (tsup.config.ts calls it): the public types are derived from the zod
 * schemas with `z.infer`, so the declarations tsup writes import zod, and zod would have to be installed (8.2 MB)
 * for a user's type checker to read them, although its code is bundled. This step writes out, in every declaration
 * file, each exported type alias that reaches zod as the plain type it stands for (what an editor shows on hover),
 * removes what only those aliases used (the schema builder's declaration, the zod imports), then proves the result:
 * the rewritten files type-check, none mentions the package, and each rewritten alias is identical to the original
 * (the compiler's own identity test, readonly and optional modifiers included).
 *
 * @module
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";

const DECLARATION = /\.d\.c?ts$/;
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  noEmit: true,
  types: [],
};
const PRINT =
  ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.MultilineObjectLiterals;

/** A statement's name, for the declarations that have one. */
function nameOf(statement: ts.Statement): string | undefined {
  if (
    (ts.isTypeAliasDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isModuleDeclaration(statement)) &&
    statement.name &&
    ts.isIdentifier(statement.name)
  ) {
    return statement.name.text;
  }
  if (ts.isVariableStatement(statement)) {
    const declaration = statement.declarationList.declarations[0];
    if (declaration && ts.isIdentifier(declaration.name)) return declaration.name.text;
  }
  return undefined;
}

/** Every identifier in a node. */
function identifiers(node: ts.Node, into = new Set<string>()): Set<string> {
  if (ts.isIdentifier(node)) into.add(node.text);
  node.forEachChild((child) => void identifiers(child, into));
  return into;
}

/** The local names a file exports (`export { a as b }` and `export type X`). */
function exportedNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause) {
      if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) names.add((element.propertyName ?? element.name).text);
      }
    }
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    const name = nameOf(statement);
    if (name && modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) names.add(name);
  }
  return names;
}

/** Whether an import declaration imports `pkg` or one of its subpaths. */
function importsPackage(statement: ts.Statement, pkg: string): statement is ts.ImportDeclaration {
  if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return false;
  const from = statement.moduleSpecifier.text;
  return from === pkg || from.startsWith(`${pkg}/`);
}

function fail(message: string, diagnostics: readonly ts.Diagnostic[] = []): never {
  const lines = diagnostics.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return text;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    const source = d.file.text.split("\n")[line]?.trim() ?? "";
    return `${d.file.fileName}:${line + 1}: ${text}\n    ${source}`;
  });
  throw new Error([message, ...lines].join("\n"));
}

/**
 * Rewrites the declaration files in `dir` so that none imports `pkg`: each exported alias that reaches it becomes the
 * type it stands for. Returns the names rewritten, per file.
 *
 * @throws Error when a declaration that reaches `pkg` cannot be written out (an interface, a function or a generic
 * alias that is exported or still used), when the result does not type-check, or when a rewritten alias is not
 * identical to the original.
 */
export function inlinePackageTypes(dir: string, pkg: string): Record<string, string[]> {
  const root = resolve(dir);
  const files = readdirSync(root)
    .filter((f) => DECLARATION.test(f))
    .map((f) => join(root, f));
  const original = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
  const program = ts.createProgram(files, OPTIONS);
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ removeComments: true });
  const rewritten: Record<string, string[]> = {};

  for (const path of files) {
    const file = program.getSourceFile(path) ?? fail(`${path} was not read`);
    const text = original.get(path) as string;
    // The names that reach the package: its import bindings, then every declaration that uses one, to a fixpoint.
    const reach = new Set<string>();
    for (const statement of file.statements) {
      if (!importsPackage(statement, pkg)) continue;
      const clause = statement.importClause;
      if (clause?.name) reach.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) reach.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) reach.add(e.name.text);
    }
    if (reach.size === 0 && !file.statements.some((s) => importsPackage(s, pkg))) continue;
    for (let grew = true; grew; ) {
      grew = false;
      for (const statement of file.statements) {
        const name = nameOf(statement);
        if (!name || reach.has(name)) continue;
        if ([...identifiers(statement)].some((id) => id !== name && reach.has(id))) {
          reach.add(name);
          grew = true;
        }
      }
    }
    const exported = exportedNames(file);
    const edits: { start: number; end: number; text: string }[] = [];
    const names: string[] = [];
    for (const statement of file.statements) {
      if (importsPackage(statement, pkg)) {
        edits.push({ start: statement.getFullStart(), end: statement.end, text: "" });
        continue;
      }
      const name = nameOf(statement);
      if (!name || !reach.has(name)) continue;
      if (!exported.has(name)) {
        // Used only by what is written out below (the type check of the result proves it).
        edits.push({ start: statement.getFullStart(), end: statement.end, text: "" });
        continue;
      }
      if (!ts.isTypeAliasDeclaration(statement) || statement.typeParameters) {
        fail(`${path}: the exported ${name} reaches ${pkg} and is not a plain type alias, so it cannot be written out`);
      }
      const type = checker.getTypeAtLocation(statement.name);
      const node = checker.typeToTypeNode(type, statement, PRINT) ?? fail(`${path}: ${name} could not be printed`);
      const body = printer.printNode(ts.EmitHint.Unspecified, node, file);
      const modifiers = (ts.getModifiers(statement) ?? []).map((m) => `${m.getText(file)} `).join("");
      edits.push({ start: statement.getStart(file), end: statement.end, text: `${modifiers}type ${name} = ${body};` });
      names.push(name);
    }
    let out = text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
      out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    }
    writeFileSync(path, out.replace(/^\n+/, ""));
    rewritten[path] = names;
  }

  verify(root, files, original, rewritten, pkg);
  return rewritten;
}

/** Type-checks the rewritten files and proves each rewritten alias identical to the one it replaces. */
function verify(
  root: string,
  files: string[],
  original: Map<string, string>,
  rewritten: Record<string, string[]>,
  pkg: string,
): void {
  for (const path of files) {
    const text = readFileSync(path, "utf8");
    if (text.includes(`'${pkg}`) || text.includes(`"${pkg}`)) fail(`${path} still refers to ${pkg}`);
  }
  // The originals are served beside the rewritten files (so that `pkg` resolves for them), under another name.
  const originalOf = (path: string) => path.replace(DECLARATION, (ext) => `.original${ext}`);
  const moduleOf = (path: string) => path.replace(/\.d\.ts$/, ".js").replace(/\.d\.cts$/, ".cjs");
  const check = join(root, "__declarations_check__.ts");
  const lines = [
    "type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
  ];
  let n = 0;
  for (const [path, names] of Object.entries(rewritten)) {
    if (names.length === 0) continue;
    const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const exportName = new Map<string, string>();
    for (const statement of file.statements) {
      if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const e of statement.exportClause.elements) exportName.set((e.propertyName ?? e.name).text, e.name.text);
      }
    }
    lines.push(`import type * as New${n} from ${JSON.stringify(moduleOf(path))};`);
    lines.push(`import type * as Old${n} from ${JSON.stringify(moduleOf(originalOf(path)))};`);
    for (const name of names) {
      const exp = exportName.get(name) ?? name;
      lines.push(`export const same${n}_${name}: Same<New${n}.${exp}, Old${n}.${exp}> = true;`);
    }
    n++;
  }
  const virtual = new Map<string, string>([[check, lines.join("\n")]]);
  for (const [path, text] of original) virtual.set(originalOf(path), text);
  const host = ts.createCompilerHost(OPTIONS);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, language, ...rest) => {
    const text = virtual.get(f);
    return text === undefined ? getSourceFile.call(host, f, language, ...rest) : ts.createSourceFile(f, text, language);
  };
  const program = ts.createProgram([...files, check], OPTIONS, host);
  const diagnostics = [...files, check].flatMap((f) => {
    const file = program.getSourceFile(f);
    return file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [];
  });
  if (diagnostics.length > 0) fail("The rewritten declarations do not check:", diagnostics);
}
