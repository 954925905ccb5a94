// tsup.config.ts
import { readFileSync as readFileSync2, rmSync } from "node:fs";
import { build, defineConfig } from "tsup";

// scripts/declarations.ts
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
var DECLARATION = /\.d\.c?ts$/;
var OPTIONS = {
  strict: true,
  exactOptionalPropertyTypes: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  noEmit: true,
  types: []
};
var PRINT = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.MultilineObjectLiterals;
function nameOf(statement) {
  if ((ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) && statement.name && ts.isIdentifier(statement.name)) {
    return statement.name.text;
  }
  if (ts.isVariableStatement(statement)) {
    const declaration = statement.declarationList.declarations[0];
    if (declaration && ts.isIdentifier(declaration.name)) return declaration.name.text;
  }
  return void 0;
}
function identifiers(node, into = /* @__PURE__ */ new Set()) {
  if (ts.isIdentifier(node)) into.add(node.text);
  node.forEachChild((child) => void identifiers(child, into));
  return into;
}
function exportedNames(file) {
  const names = /* @__PURE__ */ new Set();
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause) {
      if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) names.add((element.propertyName ?? element.name).text);
      }
    }
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : void 0;
    const name = nameOf(statement);
    if (name && modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) names.add(name);
  }
  return names;
}
function importsPackage(statement, pkg2) {
  if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return false;
  const from = statement.moduleSpecifier.text;
  return from === pkg2 || from.startsWith(`${pkg2}/`);
}
function fail(message, diagnostics = []) {
  const lines = diagnostics.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === void 0) return text;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    const source = d.file.text.split("\n")[line]?.trim() ?? "";
    return `${d.file.fileName}:${line + 1}: ${text}
    ${source}`;
  });
  throw new Error([message, ...lines].join("\n"));
}
function inlinePackageTypes(dir, pkg2) {
  const root = resolve(dir);
  const files = readdirSync(root).filter((f) => DECLARATION.test(f)).map((f) => join(root, f));
  const original = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
  const program = ts.createProgram(files, OPTIONS);
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ removeComments: true });
  const rewritten = {};
  for (const path of files) {
    const file = program.getSourceFile(path) ?? fail(`${path} was not read`);
    const text = original.get(path);
    const reach = /* @__PURE__ */ new Set();
    for (const statement of file.statements) {
      if (!importsPackage(statement, pkg2)) continue;
      const clause = statement.importClause;
      if (clause?.name) reach.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) reach.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) reach.add(e.name.text);
    }
    if (reach.size === 0 && !file.statements.some((s) => importsPackage(s, pkg2))) continue;
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
    const edits = [];
    const names = [];
    for (const statement of file.statements) {
      if (importsPackage(statement, pkg2)) {
        edits.push({ start: statement.getFullStart(), end: statement.end, text: "" });
        continue;
      }
      const name = nameOf(statement);
      if (!name || !reach.has(name)) continue;
      if (!exported.has(name)) {
        edits.push({ start: statement.getFullStart(), end: statement.end, text: "" });
        continue;
      }
      if (!ts.isTypeAliasDeclaration(statement) || statement.typeParameters) {
        fail(`${path}: the exported ${name} reaches ${pkg2} and is not a plain type alias, so it cannot be written out`);
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
  verify(root, files, original, rewritten, pkg2);
  return rewritten;
}
function verify(root, files, original, rewritten, pkg2) {
  for (const path of files) {
    const text = readFileSync(path, "utf8");
    if (text.includes(`'${pkg2}`) || text.includes(`"${pkg2}`)) fail(`${path} still refers to ${pkg2}`);
  }
  const originalOf = (path) => path.replace(DECLARATION, (ext) => `.original${ext}`);
  const moduleOf = (path) => path.replace(/\.d\.ts$/, ".js").replace(/\.d\.cts$/, ".cjs");
  const check = join(root, "__declarations_check__.ts");
  const lines = [
    "type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;"
  ];
  let n = 0;
  for (const [path, names] of Object.entries(rewritten)) {
    if (names.length === 0) continue;
    const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const exportName = /* @__PURE__ */ new Map();
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
  const virtual = /* @__PURE__ */ new Map([[check, lines.join("\n")]]);
  for (const [path, text] of original) virtual.set(originalOf(path), text);
  const host = ts.createCompilerHost(OPTIONS);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, language, ...rest) => {
    const text = virtual.get(f);
    return text === void 0 ? getSourceFile.call(host, f, language, ...rest) : ts.createSourceFile(f, text, language);
  };
  const program = ts.createProgram([...files, check], OPTIONS, host);
  const diagnostics = [...files, check].flatMap((f) => {
    const file = program.getSourceFile(f);
    return file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [];
  });
  if (diagnostics.length > 0) fail("The rewritten declarations do not check:", diagnostics);
}

// tsup.config.ts
var __injected_import_meta_url__ = "file:///work/wt-exports/tsup.config.ts";
var pkg = JSON.parse(readFileSync2(new URL("./package.json", __injected_import_meta_url__), "utf8"));
var common = {
  // No source maps. With the text of their sources, the library's (ESM and CommonJS) weighed 1.2 MB unpacked and
  // 274 kB packed, over half of the package's budget; without the text, they would point at files the package does
  // not ship, which bundlers warn about. Names are kept, so stack traces still name the functions.
  sourcemap: false,
  target: "node20",
  treeshake: true,
  // zod is bundled (tree-shaken zod/mini): one file to parse at import instead of about a
  // hundred small modules to resolve, which took 60-70 ms of a cold start.
  noExternal: ["zod"],
  // The optional peer dependencies (date-holidays, exceljs; database drivers next) are never bundled: each is
  // imported only by the code that needs it, the command's with a dynamic import() when an option calls for it.
  external: Object.keys(pkg.peerDependencies),
  // Whitespace and syntax minified, names kept: V8 scans less text at import, 20 -> 15 ms for the index in a fresh
  // process.
  esbuildOptions(options) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  }
};
var library = {
  index: "src/index.ts",
  charters: "src/charters/index.ts",
  "date-holidays": "src/date-holidays/index.ts"
};
var builds = [
  {
    ...common,
    // The library, for import and require: ESM entries share chunks, so council-sla and council-sla/charters load
    // the code once. The command is built apart (below), so that its code does not cut the library's into more
    // chunks: each file is one more to resolve and read at import.
    entry: library,
    format: ["esm", "cjs"],
    splitting: true,
    // Type declarations for what the exports map offers (the command needs none), written after the code, then
    // freed from zod (scripts/declarations.ts): its code is bundled, so users need not install it for its types.
    async onSuccess() {
      await build({ config: false, entry: library, format: ["esm", "cjs"], dts: { only: true }, silent: true });
      inlinePackageTypes("dist", "zod");
    }
  },
  {
    ...common,
    // The command and its worker, ESM only (bin runs it with import), sharing one chunk: the command's code once.
    // date-fns and @date-fns/utc are bundled into a chunk of their own that only --date-format loads: installed,
    // date-fns is 28 MB, of which the command uses the parser. yauzl and saxes (and their own dependencies) are
    // bundled likewise, into chunks only .xlsx input loads.
    entry: { cli: "src/cli/index.ts", "cli-worker": "src/cli/worker.ts" },
    format: ["esm"],
    noExternal: ["zod", "date-fns", "@date-fns/utc", "yauzl", "saxes"],
    splitting: true,
    esbuildOptions(options) {
      common.esbuildOptions?.(options, { format: "esm" });
      options.chunkNames = "cli-[name]-[hash]";
    },
    define: { __COUNCIL_SLA_VERSION__: JSON.stringify(pkg.version) },
    // The CommonJS packages bundled here (yauzl, saxes) call require() for Node's modules: give ESM one.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);'
    }
  }
];
var tsup_config_default = defineConfig(() => {
  rmSync("dist", { recursive: true, force: true });
  return builds;
});
export {
  tsup_config_default as default
};
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsidHN1cC5jb25maWcudHMiLCAic2NyaXB0cy9kZWNsYXJhdGlvbnMudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImNvbnN0IF9faW5qZWN0ZWRfZmlsZW5hbWVfXyA9IFwiL3dvcmsvd3QtZXhwb3J0cy90c3VwLmNvbmZpZy50c1wiO2NvbnN0IF9faW5qZWN0ZWRfZGlybmFtZV9fID0gXCIvd29yay93dC1leHBvcnRzXCI7Y29uc3QgX19pbmplY3RlZF9pbXBvcnRfbWV0YV91cmxfXyA9IFwiZmlsZTovLy93b3JrL3d0LWV4cG9ydHMvdHN1cC5jb25maWcudHNcIjtpbXBvcnQgeyByZWFkRmlsZVN5bmMsIHJtU3luYyB9IGZyb20gXCJub2RlOmZzXCI7XG5pbXBvcnQgeyBidWlsZCwgZGVmaW5lQ29uZmlnLCB0eXBlIE9wdGlvbnMgfSBmcm9tIFwidHN1cFwiO1xuaW1wb3J0IHsgaW5saW5lUGFja2FnZVR5cGVzIH0gZnJvbSBcIi4vc2NyaXB0cy9kZWNsYXJhdGlvbnMuanNcIjtcblxuY29uc3QgcGtnID0gSlNPTi5wYXJzZShyZWFkRmlsZVN5bmMobmV3IFVSTChcIi4vcGFja2FnZS5qc29uXCIsIGltcG9ydC5tZXRhLnVybCksIFwidXRmOFwiKSkgYXMge1xuICB2ZXJzaW9uOiBzdHJpbmc7XG4gIHBlZXJEZXBlbmRlbmNpZXM6IFJlY29yZDxzdHJpbmcsIHN0cmluZz47XG59O1xuXG4vKiogV2hhdCBib3RoIGJ1aWxkcyBzaGFyZS4gKi9cbmNvbnN0IGNvbW1vbjogT3B0aW9ucyA9IHtcbiAgLy8gTm8gc291cmNlIG1hcHMuIFdpdGggdGhlIHRleHQgb2YgdGhlaXIgc291cmNlcywgdGhlIGxpYnJhcnkncyAoRVNNIGFuZCBDb21tb25KUykgd2VpZ2hlZCAxLjIgTUIgdW5wYWNrZWQgYW5kXG4gIC8vIDI3NCBrQiBwYWNrZWQsIG92ZXIgaGFsZiBvZiB0aGUgcGFja2FnZSdzIGJ1ZGdldDsgd2l0aG91dCB0aGUgdGV4dCwgdGhleSB3b3VsZCBwb2ludCBhdCBmaWxlcyB0aGUgcGFja2FnZSBkb2VzXG4gIC8vIG5vdCBzaGlwLCB3aGljaCBidW5kbGVycyB3YXJuIGFib3V0LiBOYW1lcyBhcmUga2VwdCwgc28gc3RhY2sgdHJhY2VzIHN0aWxsIG5hbWUgdGhlIGZ1bmN0aW9ucy5cbiAgc291cmNlbWFwOiBmYWxzZSxcbiAgdGFyZ2V0OiBcIm5vZGUyMFwiLFxuICB0cmVlc2hha2U6IHRydWUsXG4gIC8vIHpvZCBpcyBidW5kbGVkICh0cmVlLXNoYWtlbiB6b2QvbWluaSk6IG9uZSBmaWxlIHRvIHBhcnNlIGF0IGltcG9ydCBpbnN0ZWFkIG9mIGFib3V0IGFcbiAgLy8gaHVuZHJlZCBzbWFsbCBtb2R1bGVzIHRvIHJlc29sdmUsIHdoaWNoIHRvb2sgNjAtNzAgbXMgb2YgYSBjb2xkIHN0YXJ0LlxuICBub0V4dGVybmFsOiBbXCJ6b2RcIl0sXG4gIC8vIFRoZSBvcHRpb25hbCBwZWVyIGRlcGVuZGVuY2llcyAoZGF0ZS1ob2xpZGF5cywgZXhjZWxqczsgZGF0YWJhc2UgZHJpdmVycyBuZXh0KSBhcmUgbmV2ZXIgYnVuZGxlZDogZWFjaCBpc1xuICAvLyBpbXBvcnRlZCBvbmx5IGJ5IHRoZSBjb2RlIHRoYXQgbmVlZHMgaXQsIHRoZSBjb21tYW5kJ3Mgd2l0aCBhIGR5bmFtaWMgaW1wb3J0KCkgd2hlbiBhbiBvcHRpb24gY2FsbHMgZm9yIGl0LlxuICBleHRlcm5hbDogT2JqZWN0LmtleXMocGtnLnBlZXJEZXBlbmRlbmNpZXMpLFxuICAvLyBXaGl0ZXNwYWNlIGFuZCBzeW50YXggbWluaWZpZWQsIG5hbWVzIGtlcHQ6IFY4IHNjYW5zIGxlc3MgdGV4dCBhdCBpbXBvcnQsIDIwIC0+IDE1IG1zIGZvciB0aGUgaW5kZXggaW4gYSBmcmVzaFxuICAvLyBwcm9jZXNzLlxuICBlc2J1aWxkT3B0aW9ucyhvcHRpb25zKSB7XG4gICAgb3B0aW9ucy5taW5pZnlXaGl0ZXNwYWNlID0gdHJ1ZTtcbiAgICBvcHRpb25zLm1pbmlmeVN5bnRheCA9IHRydWU7XG4gIH0sXG59O1xuXG4vKiogVGhlIGxpYnJhcnkncyBlbnRyaWVzLCB3aGljaCB0aGUgZXhwb3J0cyBtYXAgb2ZmZXJzLiAqL1xuY29uc3QgbGlicmFyeSA9IHtcbiAgaW5kZXg6IFwic3JjL2luZGV4LnRzXCIsXG4gIGNoYXJ0ZXJzOiBcInNyYy9jaGFydGVycy9pbmRleC50c1wiLFxuICBcImRhdGUtaG9saWRheXNcIjogXCJzcmMvZGF0ZS1ob2xpZGF5cy9pbmRleC50c1wiLFxufTtcblxuY29uc3QgYnVpbGRzOiBPcHRpb25zW10gPSBbXG4gIHtcbiAgICAuLi5jb21tb24sXG4gICAgLy8gVGhlIGxpYnJhcnksIGZvciBpbXBvcnQgYW5kIHJlcXVpcmU6IEVTTSBlbnRyaWVzIHNoYXJlIGNodW5rcywgc28gY291bmNpbC1zbGEgYW5kIGNvdW5jaWwtc2xhL2NoYXJ0ZXJzIGxvYWRcbiAgICAvLyB0aGUgY29kZSBvbmNlLiBUaGUgY29tbWFuZCBpcyBidWlsdCBhcGFydCAoYmVsb3cpLCBzbyB0aGF0IGl0cyBjb2RlIGRvZXMgbm90IGN1dCB0aGUgbGlicmFyeSdzIGludG8gbW9yZVxuICAgIC8vIGNodW5rczogZWFjaCBmaWxlIGlzIG9uZSBtb3JlIHRvIHJlc29sdmUgYW5kIHJlYWQgYXQgaW1wb3J0LlxuICAgIGVudHJ5OiBsaWJyYXJ5LFxuICAgIGZvcm1hdDogW1wiZXNtXCIsIFwiY2pzXCJdLFxuICAgIHNwbGl0dGluZzogdHJ1ZSxcbiAgICAvLyBUeXBlIGRlY2xhcmF0aW9ucyBmb3Igd2hhdCB0aGUgZXhwb3J0cyBtYXAgb2ZmZXJzICh0aGUgY29tbWFuZCBuZWVkcyBub25lKSwgd3JpdHRlbiBhZnRlciB0aGUgY29kZSwgdGhlblxuICAgIC8vIGZyZWVkIGZyb20gem9kIChzY3JpcHRzL2RlY2xhcmF0aW9ucy50cyk6IGl0cyBjb2RlIGlzIGJ1bmRsZWQsIHNvIHVzZXJzIG5lZWQgbm90IGluc3RhbGwgaXQgZm9yIGl0cyB0eXBlcy5cbiAgICBhc3luYyBvblN1Y2Nlc3MoKSB7XG4gICAgICBhd2FpdCBidWlsZCh7IGNvbmZpZzogZmFsc2UsIGVudHJ5OiBsaWJyYXJ5LCBmb3JtYXQ6IFtcImVzbVwiLCBcImNqc1wiXSwgZHRzOiB7IG9ubHk6IHRydWUgfSwgc2lsZW50OiB0cnVlIH0pO1xuICAgICAgaW5saW5lUGFja2FnZVR5cGVzKFwiZGlzdFwiLCBcInpvZFwiKTtcbiAgICB9LFxuICB9LFxuICB7XG4gICAgLi4uY29tbW9uLFxuICAgIC8vIFRoZSBjb21tYW5kIGFuZCBpdHMgd29ya2VyLCBFU00gb25seSAoYmluIHJ1bnMgaXQgd2l0aCBpbXBvcnQpLCBzaGFyaW5nIG9uZSBjaHVuazogdGhlIGNvbW1hbmQncyBjb2RlIG9uY2UuXG4gICAgLy8gZGF0ZS1mbnMgYW5kIEBkYXRlLWZucy91dGMgYXJlIGJ1bmRsZWQgaW50byBhIGNodW5rIG9mIHRoZWlyIG93biB0aGF0IG9ubHkgLS1kYXRlLWZvcm1hdCBsb2FkczogaW5zdGFsbGVkLFxuICAgIC8vIGRhdGUtZm5zIGlzIDI4IE1CLCBvZiB3aGljaCB0aGUgY29tbWFuZCB1c2VzIHRoZSBwYXJzZXIuIHlhdXpsIGFuZCBzYXhlcyAoYW5kIHRoZWlyIG93biBkZXBlbmRlbmNpZXMpIGFyZVxuICAgIC8vIGJ1bmRsZWQgbGlrZXdpc2UsIGludG8gY2h1bmtzIG9ubHkgLnhsc3ggaW5wdXQgbG9hZHMuXG4gICAgZW50cnk6IHsgY2xpOiBcInNyYy9jbGkvaW5kZXgudHNcIiwgXCJjbGktd29ya2VyXCI6IFwic3JjL2NsaS93b3JrZXIudHNcIiB9LFxuICAgIGZvcm1hdDogW1wiZXNtXCJdLFxuICAgIG5vRXh0ZXJuYWw6IFtcInpvZFwiLCBcImRhdGUtZm5zXCIsIFwiQGRhdGUtZm5zL3V0Y1wiLCBcInlhdXpsXCIsIFwic2F4ZXNcIl0sXG4gICAgc3BsaXR0aW5nOiB0cnVlLFxuICAgIGVzYnVpbGRPcHRpb25zKG9wdGlvbnMpIHtcbiAgICAgIGNvbW1vbi5lc2J1aWxkT3B0aW9ucz8uKG9wdGlvbnMsIHsgZm9ybWF0OiBcImVzbVwiIH0pO1xuICAgICAgLy8gTmFtZWQgYXBhcnQgZnJvbSB0aGUgbGlicmFyeSdzIGNodW5rcywgd2hpY2ggdGhlIG90aGVyIGJ1aWxkIGNsZWFucy5cbiAgICAgIG9wdGlvbnMuY2h1bmtOYW1lcyA9IFwiY2xpLVtuYW1lXS1baGFzaF1cIjtcbiAgICB9LFxuICAgIGRlZmluZTogeyBfX0NPVU5DSUxfU0xBX1ZFUlNJT05fXzogSlNPTi5zdHJpbmdpZnkocGtnLnZlcnNpb24pIH0sXG4gICAgLy8gVGhlIENvbW1vbkpTIHBhY2thZ2VzIGJ1bmRsZWQgaGVyZSAoeWF1emwsIHNheGVzKSBjYWxsIHJlcXVpcmUoKSBmb3IgTm9kZSdzIG1vZHVsZXM6IGdpdmUgRVNNIG9uZS5cbiAgICBiYW5uZXI6IHtcbiAgICAgIGpzOiAnaW1wb3J0IHsgY3JlYXRlUmVxdWlyZSBhcyBfX2NyZWF0ZVJlcXVpcmUgfSBmcm9tIFwibm9kZTptb2R1bGVcIjsgY29uc3QgcmVxdWlyZSA9IF9fY3JlYXRlUmVxdWlyZShpbXBvcnQubWV0YS51cmwpOycsXG4gICAgfSxcbiAgfSxcbl07XG5cbi8vIFRoZSB0d28gYnVpbGRzIHJ1biBzaWRlIGJ5IHNpZGUgaW50byBkaXN0Lywgc28gaXQgaXMgZW1wdGllZCBvbmNlLCBiZWZvcmUgZWl0aGVyIHN0YXJ0czogYSBidWlsZCB0aGF0IGNsZWFuZWQgaXRcbi8vIGNvdWxkIGRlbGV0ZSB0aGUgb3RoZXIncyBmaWxlcywgYW5kIG9uZSB0aGF0IGRpZCBub3Qgd291bGQgbGVhdmUgdGhlIGNodW5rcyBvZiBvbGRlciBidWlsZHMgdG8gYmUgcGFja2VkLlxuZXhwb3J0IGRlZmF1bHQgZGVmaW5lQ29uZmlnKCgpID0+IHtcbiAgcm1TeW5jKFwiZGlzdFwiLCB7IHJlY3Vyc2l2ZTogdHJ1ZSwgZm9yY2U6IHRydWUgfSk7XG4gIHJldHVybiBidWlsZHM7XG59KTtcbiIsICJjb25zdCBfX2luamVjdGVkX2ZpbGVuYW1lX18gPSBcIi93b3JrL3d0LWV4cG9ydHMvc2NyaXB0cy9kZWNsYXJhdGlvbnMudHNcIjtjb25zdCBfX2luamVjdGVkX2Rpcm5hbWVfXyA9IFwiL3dvcmsvd3QtZXhwb3J0cy9zY3JpcHRzXCI7Y29uc3QgX19pbmplY3RlZF9pbXBvcnRfbWV0YV91cmxfXyA9IFwiZmlsZTovLy93b3JrL3d0LWV4cG9ydHMvc2NyaXB0cy9kZWNsYXJhdGlvbnMudHNcIjsvKipcbiAqIFRoZSBidWlsZCdzIGxhc3Qgc3RlcCBmb3IgdHlwZSBkZWNsYXJhdGlvbnMgKHRzdXAuY29uZmlnLnRzIGNhbGxzIGl0KTogdGhlIHB1YmxpYyB0eXBlcyBhcmUgZGVyaXZlZCBmcm9tIHRoZSB6b2RcbiAqIHNjaGVtYXMgd2l0aCBgei5pbmZlcmAsIHNvIHRoZSBkZWNsYXJhdGlvbnMgdHN1cCB3cml0ZXMgaW1wb3J0IHpvZCwgYW5kIHpvZCB3b3VsZCBoYXZlIHRvIGJlIGluc3RhbGxlZCAoOC4yIE1CKVxuICogZm9yIGEgdXNlcidzIHR5cGUgY2hlY2tlciB0byByZWFkIHRoZW0sIGFsdGhvdWdoIGl0cyBjb2RlIGlzIGJ1bmRsZWQuIFRoaXMgc3RlcCB3cml0ZXMgb3V0LCBpbiBldmVyeSBkZWNsYXJhdGlvblxuICogZmlsZSwgZWFjaCBleHBvcnRlZCB0eXBlIGFsaWFzIHRoYXQgcmVhY2hlcyB6b2QgYXMgdGhlIHBsYWluIHR5cGUgaXQgc3RhbmRzIGZvciAod2hhdCBhbiBlZGl0b3Igc2hvd3Mgb24gaG92ZXIpLFxuICogcmVtb3ZlcyB3aGF0IG9ubHkgdGhvc2UgYWxpYXNlcyB1c2VkICh0aGUgc2NoZW1hIGJ1aWxkZXIncyBkZWNsYXJhdGlvbiwgdGhlIHpvZCBpbXBvcnRzKSwgdGhlbiBwcm92ZXMgdGhlIHJlc3VsdDpcbiAqIHRoZSByZXdyaXR0ZW4gZmlsZXMgdHlwZS1jaGVjaywgbm9uZSBtZW50aW9ucyB0aGUgcGFja2FnZSwgYW5kIGVhY2ggcmV3cml0dGVuIGFsaWFzIGlzIGlkZW50aWNhbCB0byB0aGUgb3JpZ2luYWxcbiAqICh0aGUgY29tcGlsZXIncyBvd24gaWRlbnRpdHkgdGVzdCwgcmVhZG9ubHkgYW5kIG9wdGlvbmFsIG1vZGlmaWVycyBpbmNsdWRlZCkuXG4gKlxuICogQG1vZHVsZVxuICovXG5pbXBvcnQgeyByZWFkZGlyU3luYywgcmVhZEZpbGVTeW5jLCB3cml0ZUZpbGVTeW5jIH0gZnJvbSBcIm5vZGU6ZnNcIjtcbmltcG9ydCB7IGpvaW4sIHJlc29sdmUgfSBmcm9tIFwibm9kZTpwYXRoXCI7XG5pbXBvcnQgdHMgZnJvbSBcInR5cGVzY3JpcHRcIjtcblxuY29uc3QgREVDTEFSQVRJT04gPSAvXFwuZFxcLmM/dHMkLztcbmNvbnN0IE9QVElPTlM6IHRzLkNvbXBpbGVyT3B0aW9ucyA9IHtcbiAgc3RyaWN0OiB0cnVlLFxuICBleGFjdE9wdGlvbmFsUHJvcGVydHlUeXBlczogdHJ1ZSxcbiAgdGFyZ2V0OiB0cy5TY3JpcHRUYXJnZXQuRVMyMDIyLFxuICBsaWI6IFtcImxpYi5lczIwMjIuZC50c1wiXSxcbiAgbW9kdWxlOiB0cy5Nb2R1bGVLaW5kLkVTTmV4dCxcbiAgbW9kdWxlUmVzb2x1dGlvbjogdHMuTW9kdWxlUmVzb2x1dGlvbktpbmQuQnVuZGxlcixcbiAgbm9FbWl0OiB0cnVlLFxuICB0eXBlczogW10sXG59O1xuY29uc3QgUFJJTlQgPVxuICB0cy5Ob2RlQnVpbGRlckZsYWdzLk5vVHJ1bmNhdGlvbiB8IHRzLk5vZGVCdWlsZGVyRmxhZ3MuSW5UeXBlQWxpYXMgfCB0cy5Ob2RlQnVpbGRlckZsYWdzLk11bHRpbGluZU9iamVjdExpdGVyYWxzO1xuXG4vKiogQSBzdGF0ZW1lbnQncyBuYW1lLCBmb3IgdGhlIGRlY2xhcmF0aW9ucyB0aGF0IGhhdmUgb25lLiAqL1xuZnVuY3Rpb24gbmFtZU9mKHN0YXRlbWVudDogdHMuU3RhdGVtZW50KTogc3RyaW5nIHwgdW5kZWZpbmVkIHtcbiAgaWYgKFxuICAgICh0cy5pc1R5cGVBbGlhc0RlY2xhcmF0aW9uKHN0YXRlbWVudCkgfHxcbiAgICAgIHRzLmlzSW50ZXJmYWNlRGVjbGFyYXRpb24oc3RhdGVtZW50KSB8fFxuICAgICAgdHMuaXNGdW5jdGlvbkRlY2xhcmF0aW9uKHN0YXRlbWVudCkgfHxcbiAgICAgIHRzLmlzQ2xhc3NEZWNsYXJhdGlvbihzdGF0ZW1lbnQpIHx8XG4gICAgICB0cy5pc0VudW1EZWNsYXJhdGlvbihzdGF0ZW1lbnQpIHx8XG4gICAgICB0cy5pc01vZHVsZURlY2xhcmF0aW9uKHN0YXRlbWVudCkpICYmXG4gICAgc3RhdGVtZW50Lm5hbWUgJiZcbiAgICB0cy5pc0lkZW50aWZpZXIoc3RhdGVtZW50Lm5hbWUpXG4gICkge1xuICAgIHJldHVybiBzdGF0ZW1lbnQubmFtZS50ZXh0O1xuICB9XG4gIGlmICh0cy5pc1ZhcmlhYmxlU3RhdGVtZW50KHN0YXRlbWVudCkpIHtcbiAgICBjb25zdCBkZWNsYXJhdGlvbiA9IHN0YXRlbWVudC5kZWNsYXJhdGlvbkxpc3QuZGVjbGFyYXRpb25zWzBdO1xuICAgIGlmIChkZWNsYXJhdGlvbiAmJiB0cy5pc0lkZW50aWZpZXIoZGVjbGFyYXRpb24ubmFtZSkpIHJldHVybiBkZWNsYXJhdGlvbi5uYW1lLnRleHQ7XG4gIH1cbiAgcmV0dXJuIHVuZGVmaW5lZDtcbn1cblxuLyoqIEV2ZXJ5IGlkZW50aWZpZXIgaW4gYSBub2RlLiAqL1xuZnVuY3Rpb24gaWRlbnRpZmllcnMobm9kZTogdHMuTm9kZSwgaW50byA9IG5ldyBTZXQ8c3RyaW5nPigpKTogU2V0PHN0cmluZz4ge1xuICBpZiAodHMuaXNJZGVudGlmaWVyKG5vZGUpKSBpbnRvLmFkZChub2RlLnRleHQpO1xuICBub2RlLmZvckVhY2hDaGlsZCgoY2hpbGQpID0+IHZvaWQgaWRlbnRpZmllcnMoY2hpbGQsIGludG8pKTtcbiAgcmV0dXJuIGludG87XG59XG5cbi8qKiBUaGUgbG9jYWwgbmFtZXMgYSBmaWxlIGV4cG9ydHMgKGBleHBvcnQgeyBhIGFzIGIgfWAgYW5kIGBleHBvcnQgdHlwZSBYYCkuICovXG5mdW5jdGlvbiBleHBvcnRlZE5hbWVzKGZpbGU6IHRzLlNvdXJjZUZpbGUpOiBTZXQ8c3RyaW5nPiB7XG4gIGNvbnN0IG5hbWVzID0gbmV3IFNldDxzdHJpbmc+KCk7XG4gIGZvciAoY29uc3Qgc3RhdGVtZW50IG9mIGZpbGUuc3RhdGVtZW50cykge1xuICAgIGlmICh0cy5pc0V4cG9ydERlY2xhcmF0aW9uKHN0YXRlbWVudCkgJiYgIXN0YXRlbWVudC5tb2R1bGVTcGVjaWZpZXIgJiYgc3RhdGVtZW50LmV4cG9ydENsYXVzZSkge1xuICAgICAgaWYgKHRzLmlzTmFtZWRFeHBvcnRzKHN0YXRlbWVudC5leHBvcnRDbGF1c2UpKSB7XG4gICAgICAgIGZvciAoY29uc3QgZWxlbWVudCBvZiBzdGF0ZW1lbnQuZXhwb3J0Q2xhdXNlLmVsZW1lbnRzKSBuYW1lcy5hZGQoKGVsZW1lbnQucHJvcGVydHlOYW1lID8/IGVsZW1lbnQubmFtZSkudGV4dCk7XG4gICAgICB9XG4gICAgfVxuICAgIGNvbnN0IG1vZGlmaWVycyA9IHRzLmNhbkhhdmVNb2RpZmllcnMoc3RhdGVtZW50KSA/IHRzLmdldE1vZGlmaWVycyhzdGF0ZW1lbnQpIDogdW5kZWZpbmVkO1xuICAgIGNvbnN0IG5hbWUgPSBuYW1lT2Yoc3RhdGVtZW50KTtcbiAgICBpZiAobmFtZSAmJiBtb2RpZmllcnM/LnNvbWUoKG0pID0+IG0ua2luZCA9PT0gdHMuU3ludGF4S2luZC5FeHBvcnRLZXl3b3JkKSkgbmFtZXMuYWRkKG5hbWUpO1xuICB9XG4gIHJldHVybiBuYW1lcztcbn1cblxuLyoqIFdoZXRoZXIgYW4gaW1wb3J0IGRlY2xhcmF0aW9uIGltcG9ydHMgYHBrZ2Agb3Igb25lIG9mIGl0cyBzdWJwYXRocy4gKi9cbmZ1bmN0aW9uIGltcG9ydHNQYWNrYWdlKHN0YXRlbWVudDogdHMuU3RhdGVtZW50LCBwa2c6IHN0cmluZyk6IHN0YXRlbWVudCBpcyB0cy5JbXBvcnREZWNsYXJhdGlvbiB7XG4gIGlmICghdHMuaXNJbXBvcnREZWNsYXJhdGlvbihzdGF0ZW1lbnQpIHx8ICF0cy5pc1N0cmluZ0xpdGVyYWwoc3RhdGVtZW50Lm1vZHVsZVNwZWNpZmllcikpIHJldHVybiBmYWxzZTtcbiAgY29uc3QgZnJvbSA9IHN0YXRlbWVudC5tb2R1bGVTcGVjaWZpZXIudGV4dDtcbiAgcmV0dXJuIGZyb20gPT09IHBrZyB8fCBmcm9tLnN0YXJ0c1dpdGgoYCR7cGtnfS9gKTtcbn1cblxuZnVuY3Rpb24gZmFpbChtZXNzYWdlOiBzdHJpbmcsIGRpYWdub3N0aWNzOiByZWFkb25seSB0cy5EaWFnbm9zdGljW10gPSBbXSk6IG5ldmVyIHtcbiAgY29uc3QgbGluZXMgPSBkaWFnbm9zdGljcy5tYXAoKGQpID0+IHtcbiAgICBjb25zdCB0ZXh0ID0gdHMuZmxhdHRlbkRpYWdub3N0aWNNZXNzYWdlVGV4dChkLm1lc3NhZ2VUZXh0LCBcIlxcblwiKTtcbiAgICBpZiAoIWQuZmlsZSB8fCBkLnN0YXJ0ID09PSB1bmRlZmluZWQpIHJldHVybiB0ZXh0O1xuICAgIGNvbnN0IHsgbGluZSB9ID0gZC5maWxlLmdldExpbmVBbmRDaGFyYWN0ZXJPZlBvc2l0aW9uKGQuc3RhcnQpO1xuICAgIGNvbnN0IHNvdXJjZSA9IGQuZmlsZS50ZXh0LnNwbGl0KFwiXFxuXCIpW2xpbmVdPy50cmltKCkgPz8gXCJcIjtcbiAgICByZXR1cm4gYCR7ZC5maWxlLmZpbGVOYW1lfToke2xpbmUgKyAxfTogJHt0ZXh0fVxcbiAgICAke3NvdXJjZX1gO1xuICB9KTtcbiAgdGhyb3cgbmV3IEVycm9yKFttZXNzYWdlLCAuLi5saW5lc10uam9pbihcIlxcblwiKSk7XG59XG5cbi8qKlxuICogUmV3cml0ZXMgdGhlIGRlY2xhcmF0aW9uIGZpbGVzIGluIGBkaXJgIHNvIHRoYXQgbm9uZSBpbXBvcnRzIGBwa2dgOiBlYWNoIGV4cG9ydGVkIGFsaWFzIHRoYXQgcmVhY2hlcyBpdCBiZWNvbWVzIHRoZVxuICogdHlwZSBpdCBzdGFuZHMgZm9yLiBSZXR1cm5zIHRoZSBuYW1lcyByZXdyaXR0ZW4sIHBlciBmaWxlLlxuICpcbiAqIEB0aHJvd3MgRXJyb3Igd2hlbiBhIGRlY2xhcmF0aW9uIHRoYXQgcmVhY2hlcyBgcGtnYCBjYW5ub3QgYmUgd3JpdHRlbiBvdXQgKGFuIGludGVyZmFjZSwgYSBmdW5jdGlvbiBvciBhIGdlbmVyaWNcbiAqIGFsaWFzIHRoYXQgaXMgZXhwb3J0ZWQgb3Igc3RpbGwgdXNlZCksIHdoZW4gdGhlIHJlc3VsdCBkb2VzIG5vdCB0eXBlLWNoZWNrLCBvciB3aGVuIGEgcmV3cml0dGVuIGFsaWFzIGlzIG5vdFxuICogaWRlbnRpY2FsIHRvIHRoZSBvcmlnaW5hbC5cbiAqL1xuZXhwb3J0IGZ1bmN0aW9uIGlubGluZVBhY2thZ2VUeXBlcyhkaXI6IHN0cmluZywgcGtnOiBzdHJpbmcpOiBSZWNvcmQ8c3RyaW5nLCBzdHJpbmdbXT4ge1xuICBjb25zdCByb290ID0gcmVzb2x2ZShkaXIpO1xuICBjb25zdCBmaWxlcyA9IHJlYWRkaXJTeW5jKHJvb3QpXG4gICAgLmZpbHRlcigoZikgPT4gREVDTEFSQVRJT04udGVzdChmKSlcbiAgICAubWFwKChmKSA9PiBqb2luKHJvb3QsIGYpKTtcbiAgY29uc3Qgb3JpZ2luYWwgPSBuZXcgTWFwKGZpbGVzLm1hcCgoZikgPT4gW2YsIHJlYWRGaWxlU3luYyhmLCBcInV0ZjhcIildKSk7XG4gIGNvbnN0IHByb2dyYW0gPSB0cy5jcmVhdGVQcm9ncmFtKGZpbGVzLCBPUFRJT05TKTtcbiAgY29uc3QgY2hlY2tlciA9IHByb2dyYW0uZ2V0VHlwZUNoZWNrZXIoKTtcbiAgY29uc3QgcHJpbnRlciA9IHRzLmNyZWF0ZVByaW50ZXIoeyByZW1vdmVDb21tZW50czogdHJ1ZSB9KTtcbiAgY29uc3QgcmV3cml0dGVuOiBSZWNvcmQ8c3RyaW5nLCBzdHJpbmdbXT4gPSB7fTtcblxuICBmb3IgKGNvbnN0IHBhdGggb2YgZmlsZXMpIHtcbiAgICBjb25zdCBmaWxlID0gcHJvZ3JhbS5nZXRTb3VyY2VGaWxlKHBhdGgpID8/IGZhaWwoYCR7cGF0aH0gd2FzIG5vdCByZWFkYCk7XG4gICAgY29uc3QgdGV4dCA9IG9yaWdpbmFsLmdldChwYXRoKSBhcyBzdHJpbmc7XG4gICAgLy8gVGhlIG5hbWVzIHRoYXQgcmVhY2ggdGhlIHBhY2thZ2U6IGl0cyBpbXBvcnQgYmluZGluZ3MsIHRoZW4gZXZlcnkgZGVjbGFyYXRpb24gdGhhdCB1c2VzIG9uZSwgdG8gYSBmaXhwb2ludC5cbiAgICBjb25zdCByZWFjaCA9IG5ldyBTZXQ8c3RyaW5nPigpO1xuICAgIGZvciAoY29uc3Qgc3RhdGVtZW50IG9mIGZpbGUuc3RhdGVtZW50cykge1xuICAgICAgaWYgKCFpbXBvcnRzUGFja2FnZShzdGF0ZW1lbnQsIHBrZykpIGNvbnRpbnVlO1xuICAgICAgY29uc3QgY2xhdXNlID0gc3RhdGVtZW50LmltcG9ydENsYXVzZTtcbiAgICAgIGlmIChjbGF1c2U/Lm5hbWUpIHJlYWNoLmFkZChjbGF1c2UubmFtZS50ZXh0KTtcbiAgICAgIGNvbnN0IGJpbmRpbmdzID0gY2xhdXNlPy5uYW1lZEJpbmRpbmdzO1xuICAgICAgaWYgKGJpbmRpbmdzICYmIHRzLmlzTmFtZXNwYWNlSW1wb3J0KGJpbmRpbmdzKSkgcmVhY2guYWRkKGJpbmRpbmdzLm5hbWUudGV4dCk7XG4gICAgICBpZiAoYmluZGluZ3MgJiYgdHMuaXNOYW1lZEltcG9ydHMoYmluZGluZ3MpKSBmb3IgKGNvbnN0IGUgb2YgYmluZGluZ3MuZWxlbWVudHMpIHJlYWNoLmFkZChlLm5hbWUudGV4dCk7XG4gICAgfVxuICAgIGlmIChyZWFjaC5zaXplID09PSAwICYmICFmaWxlLnN0YXRlbWVudHMuc29tZSgocykgPT4gaW1wb3J0c1BhY2thZ2UocywgcGtnKSkpIGNvbnRpbnVlO1xuICAgIGZvciAobGV0IGdyZXcgPSB0cnVlOyBncmV3OyApIHtcbiAgICAgIGdyZXcgPSBmYWxzZTtcbiAgICAgIGZvciAoY29uc3Qgc3RhdGVtZW50IG9mIGZpbGUuc3RhdGVtZW50cykge1xuICAgICAgICBjb25zdCBuYW1lID0gbmFtZU9mKHN0YXRlbWVudCk7XG4gICAgICAgIGlmICghbmFtZSB8fCByZWFjaC5oYXMobmFtZSkpIGNvbnRpbnVlO1xuICAgICAgICBpZiAoWy4uLmlkZW50aWZpZXJzKHN0YXRlbWVudCldLnNvbWUoKGlkKSA9PiBpZCAhPT0gbmFtZSAmJiByZWFjaC5oYXMoaWQpKSkge1xuICAgICAgICAgIHJlYWNoLmFkZChuYW1lKTtcbiAgICAgICAgICBncmV3ID0gdHJ1ZTtcbiAgICAgICAgfVxuICAgICAgfVxuICAgIH1cbiAgICBjb25zdCBleHBvcnRlZCA9IGV4cG9ydGVkTmFtZXMoZmlsZSk7XG4gICAgY29uc3QgZWRpdHM6IHsgc3RhcnQ6IG51bWJlcjsgZW5kOiBudW1iZXI7IHRleHQ6IHN0cmluZyB9W10gPSBbXTtcbiAgICBjb25zdCBuYW1lczogc3RyaW5nW10gPSBbXTtcbiAgICBmb3IgKGNvbnN0IHN0YXRlbWVudCBvZiBmaWxlLnN0YXRlbWVudHMpIHtcbiAgICAgIGlmIChpbXBvcnRzUGFja2FnZShzdGF0ZW1lbnQsIHBrZykpIHtcbiAgICAgICAgZWRpdHMucHVzaCh7IHN0YXJ0OiBzdGF0ZW1lbnQuZ2V0RnVsbFN0YXJ0KCksIGVuZDogc3RhdGVtZW50LmVuZCwgdGV4dDogXCJcIiB9KTtcbiAgICAgICAgY29udGludWU7XG4gICAgICB9XG4gICAgICBjb25zdCBuYW1lID0gbmFtZU9mKHN0YXRlbWVudCk7XG4gICAgICBpZiAoIW5hbWUgfHwgIXJlYWNoLmhhcyhuYW1lKSkgY29udGludWU7XG4gICAgICBpZiAoIWV4cG9ydGVkLmhhcyhuYW1lKSkge1xuICAgICAgICAvLyBVc2VkIG9ubHkgYnkgd2hhdCBpcyB3cml0dGVuIG91dCBiZWxvdyAodGhlIHR5cGUgY2hlY2sgb2YgdGhlIHJlc3VsdCBwcm92ZXMgaXQpLlxuICAgICAgICBlZGl0cy5wdXNoKHsgc3RhcnQ6IHN0YXRlbWVudC5nZXRGdWxsU3RhcnQoKSwgZW5kOiBzdGF0ZW1lbnQuZW5kLCB0ZXh0OiBcIlwiIH0pO1xuICAgICAgICBjb250aW51ZTtcbiAgICAgIH1cbiAgICAgIGlmICghdHMuaXNUeXBlQWxpYXNEZWNsYXJhdGlvbihzdGF0ZW1lbnQpIHx8IHN0YXRlbWVudC50eXBlUGFyYW1ldGVycykge1xuICAgICAgICBmYWlsKGAke3BhdGh9OiB0aGUgZXhwb3J0ZWQgJHtuYW1lfSByZWFjaGVzICR7cGtnfSBhbmQgaXMgbm90IGEgcGxhaW4gdHlwZSBhbGlhcywgc28gaXQgY2Fubm90IGJlIHdyaXR0ZW4gb3V0YCk7XG4gICAgICB9XG4gICAgICBjb25zdCB0eXBlID0gY2hlY2tlci5nZXRUeXBlQXRMb2NhdGlvbihzdGF0ZW1lbnQubmFtZSk7XG4gICAgICBjb25zdCBub2RlID0gY2hlY2tlci50eXBlVG9UeXBlTm9kZSh0eXBlLCBzdGF0ZW1lbnQsIFBSSU5UKSA/PyBmYWlsKGAke3BhdGh9OiAke25hbWV9IGNvdWxkIG5vdCBiZSBwcmludGVkYCk7XG4gICAgICBjb25zdCBib2R5ID0gcHJpbnRlci5wcmludE5vZGUodHMuRW1pdEhpbnQuVW5zcGVjaWZpZWQsIG5vZGUsIGZpbGUpO1xuICAgICAgY29uc3QgbW9kaWZpZXJzID0gKHRzLmdldE1vZGlmaWVycyhzdGF0ZW1lbnQpID8/IFtdKS5tYXAoKG0pID0+IGAke20uZ2V0VGV4dChmaWxlKX0gYCkuam9pbihcIlwiKTtcbiAgICAgIGVkaXRzLnB1c2goeyBzdGFydDogc3RhdGVtZW50LmdldFN0YXJ0KGZpbGUpLCBlbmQ6IHN0YXRlbWVudC5lbmQsIHRleHQ6IGAke21vZGlmaWVyc310eXBlICR7bmFtZX0gPSAke2JvZHl9O2AgfSk7XG4gICAgICBuYW1lcy5wdXNoKG5hbWUpO1xuICAgIH1cbiAgICBsZXQgb3V0ID0gdGV4dDtcbiAgICBmb3IgKGNvbnN0IGVkaXQgb2YgZWRpdHMuc29ydCgoYSwgYikgPT4gYi5zdGFydCAtIGEuc3RhcnQpKSB7XG4gICAgICBvdXQgPSBvdXQuc2xpY2UoMCwgZWRpdC5zdGFydCkgKyBlZGl0LnRleHQgKyBvdXQuc2xpY2UoZWRpdC5lbmQpO1xuICAgIH1cbiAgICB3cml0ZUZpbGVTeW5jKHBhdGgsIG91dC5yZXBsYWNlKC9eXFxuKy8sIFwiXCIpKTtcbiAgICByZXdyaXR0ZW5bcGF0aF0gPSBuYW1lcztcbiAgfVxuXG4gIHZlcmlmeShyb290LCBmaWxlcywgb3JpZ2luYWwsIHJld3JpdHRlbiwgcGtnKTtcbiAgcmV0dXJuIHJld3JpdHRlbjtcbn1cblxuLyoqIFR5cGUtY2hlY2tzIHRoZSByZXdyaXR0ZW4gZmlsZXMgYW5kIHByb3ZlcyBlYWNoIHJld3JpdHRlbiBhbGlhcyBpZGVudGljYWwgdG8gdGhlIG9uZSBpdCByZXBsYWNlcy4gKi9cbmZ1bmN0aW9uIHZlcmlmeShcbiAgcm9vdDogc3RyaW5nLFxuICBmaWxlczogc3RyaW5nW10sXG4gIG9yaWdpbmFsOiBNYXA8c3RyaW5nLCBzdHJpbmc+LFxuICByZXdyaXR0ZW46IFJlY29yZDxzdHJpbmcsIHN0cmluZ1tdPixcbiAgcGtnOiBzdHJpbmcsXG4pOiB2b2lkIHtcbiAgZm9yIChjb25zdCBwYXRoIG9mIGZpbGVzKSB7XG4gICAgY29uc3QgdGV4dCA9IHJlYWRGaWxlU3luYyhwYXRoLCBcInV0ZjhcIik7XG4gICAgaWYgKHRleHQuaW5jbHVkZXMoYCcke3BrZ31gKSB8fCB0ZXh0LmluY2x1ZGVzKGBcIiR7cGtnfWApKSBmYWlsKGAke3BhdGh9IHN0aWxsIHJlZmVycyB0byAke3BrZ31gKTtcbiAgfVxuICAvLyBUaGUgb3JpZ2luYWxzIGFyZSBzZXJ2ZWQgYmVzaWRlIHRoZSByZXdyaXR0ZW4gZmlsZXMgKHNvIHRoYXQgYHBrZ2AgcmVzb2x2ZXMgZm9yIHRoZW0pLCB1bmRlciBhbm90aGVyIG5hbWUuXG4gIGNvbnN0IG9yaWdpbmFsT2YgPSAocGF0aDogc3RyaW5nKSA9PiBwYXRoLnJlcGxhY2UoREVDTEFSQVRJT04sIChleHQpID0+IGAub3JpZ2luYWwke2V4dH1gKTtcbiAgY29uc3QgbW9kdWxlT2YgPSAocGF0aDogc3RyaW5nKSA9PiBwYXRoLnJlcGxhY2UoL1xcLmRcXC50cyQvLCBcIi5qc1wiKS5yZXBsYWNlKC9cXC5kXFwuY3RzJC8sIFwiLmNqc1wiKTtcbiAgY29uc3QgY2hlY2sgPSBqb2luKHJvb3QsIFwiX19kZWNsYXJhdGlvbnNfY2hlY2tfXy50c1wiKTtcbiAgY29uc3QgbGluZXMgPSBbXG4gICAgXCJ0eXBlIFNhbWU8QSwgQj4gPSAoPFQ+KCkgPT4gVCBleHRlbmRzIEEgPyAxIDogMikgZXh0ZW5kcyA8VD4oKSA9PiBUIGV4dGVuZHMgQiA/IDEgOiAyID8gdHJ1ZSA6IGZhbHNlO1wiLFxuICBdO1xuICBsZXQgbiA9IDA7XG4gIGZvciAoY29uc3QgW3BhdGgsIG5hbWVzXSBvZiBPYmplY3QuZW50cmllcyhyZXdyaXR0ZW4pKSB7XG4gICAgaWYgKG5hbWVzLmxlbmd0aCA9PT0gMCkgY29udGludWU7XG4gICAgY29uc3QgZmlsZSA9IHRzLmNyZWF0ZVNvdXJjZUZpbGUocGF0aCwgcmVhZEZpbGVTeW5jKHBhdGgsIFwidXRmOFwiKSwgdHMuU2NyaXB0VGFyZ2V0LkxhdGVzdCwgdHJ1ZSk7XG4gICAgY29uc3QgZXhwb3J0TmFtZSA9IG5ldyBNYXA8c3RyaW5nLCBzdHJpbmc+KCk7XG4gICAgZm9yIChjb25zdCBzdGF0ZW1lbnQgb2YgZmlsZS5zdGF0ZW1lbnRzKSB7XG4gICAgICBpZiAodHMuaXNFeHBvcnREZWNsYXJhdGlvbihzdGF0ZW1lbnQpICYmIHN0YXRlbWVudC5leHBvcnRDbGF1c2UgJiYgdHMuaXNOYW1lZEV4cG9ydHMoc3RhdGVtZW50LmV4cG9ydENsYXVzZSkpIHtcbiAgICAgICAgZm9yIChjb25zdCBlIG9mIHN0YXRlbWVudC5leHBvcnRDbGF1c2UuZWxlbWVudHMpIGV4cG9ydE5hbWUuc2V0KChlLnByb3BlcnR5TmFtZSA/PyBlLm5hbWUpLnRleHQsIGUubmFtZS50ZXh0KTtcbiAgICAgIH1cbiAgICB9XG4gICAgbGluZXMucHVzaChgaW1wb3J0IHR5cGUgKiBhcyBOZXcke259IGZyb20gJHtKU09OLnN0cmluZ2lmeShtb2R1bGVPZihwYXRoKSl9O2ApO1xuICAgIGxpbmVzLnB1c2goYGltcG9ydCB0eXBlICogYXMgT2xkJHtufSBmcm9tICR7SlNPTi5zdHJpbmdpZnkobW9kdWxlT2Yob3JpZ2luYWxPZihwYXRoKSkpfTtgKTtcbiAgICBmb3IgKGNvbnN0IG5hbWUgb2YgbmFtZXMpIHtcbiAgICAgIGNvbnN0IGV4cCA9IGV4cG9ydE5hbWUuZ2V0KG5hbWUpID8/IG5hbWU7XG4gICAgICBsaW5lcy5wdXNoKGBleHBvcnQgY29uc3Qgc2FtZSR7bn1fJHtuYW1lfTogU2FtZTxOZXcke259LiR7ZXhwfSwgT2xkJHtufS4ke2V4cH0+ID0gdHJ1ZTtgKTtcbiAgICB9XG4gICAgbisrO1xuICB9XG4gIGNvbnN0IHZpcnR1YWwgPSBuZXcgTWFwPHN0cmluZywgc3RyaW5nPihbW2NoZWNrLCBsaW5lcy5qb2luKFwiXFxuXCIpXV0pO1xuICBmb3IgKGNvbnN0IFtwYXRoLCB0ZXh0XSBvZiBvcmlnaW5hbCkgdmlydHVhbC5zZXQob3JpZ2luYWxPZihwYXRoKSwgdGV4dCk7XG4gIGNvbnN0IGhvc3QgPSB0cy5jcmVhdGVDb21waWxlckhvc3QoT1BUSU9OUyk7XG4gIGNvbnN0IHsgZmlsZUV4aXN0cywgcmVhZEZpbGUsIGdldFNvdXJjZUZpbGUgfSA9IGhvc3Q7XG4gIGhvc3QuZmlsZUV4aXN0cyA9IChmKSA9PiB2aXJ0dWFsLmhhcyhmKSB8fCBmaWxlRXhpc3RzLmNhbGwoaG9zdCwgZik7XG4gIGhvc3QucmVhZEZpbGUgPSAoZikgPT4gdmlydHVhbC5nZXQoZikgPz8gcmVhZEZpbGUuY2FsbChob3N0LCBmKTtcbiAgaG9zdC5nZXRTb3VyY2VGaWxlID0gKGYsIGxhbmd1YWdlLCAuLi5yZXN0KSA9PiB7XG4gICAgY29uc3QgdGV4dCA9IHZpcnR1YWwuZ2V0KGYpO1xuICAgIHJldHVybiB0ZXh0ID09PSB1bmRlZmluZWQgPyBnZXRTb3VyY2VGaWxlLmNhbGwoaG9zdCwgZiwgbGFuZ3VhZ2UsIC4uLnJlc3QpIDogdHMuY3JlYXRlU291cmNlRmlsZShmLCB0ZXh0LCBsYW5ndWFnZSk7XG4gIH07XG4gIGNvbnN0IHByb2dyYW0gPSB0cy5jcmVhdGVQcm9ncmFtKFsuLi5maWxlcywgY2hlY2tdLCBPUFRJT05TLCBob3N0KTtcbiAgY29uc3QgZGlhZ25vc3RpY3MgPSBbLi4uZmlsZXMsIGNoZWNrXS5mbGF0TWFwKChmKSA9PiB7XG4gICAgY29uc3QgZmlsZSA9IHByb2dyYW0uZ2V0U291cmNlRmlsZShmKTtcbiAgICByZXR1cm4gZmlsZSA/IFsuLi5wcm9ncmFtLmdldFN5bnRhY3RpY0RpYWdub3N0aWNzKGZpbGUpLCAuLi5wcm9ncmFtLmdldFNlbWFudGljRGlhZ25vc3RpY3MoZmlsZSldIDogW107XG4gIH0pO1xuICBpZiAoZGlhZ25vc3RpY3MubGVuZ3RoID4gMCkgZmFpbChcIlRoZSByZXdyaXR0ZW4gZGVjbGFyYXRpb25zIGRvIG5vdCBjaGVjazpcIiwgZGlhZ25vc3RpY3MpO1xufVxuIl0sCiAgIm1hcHBpbmdzIjogIjtBQUE4TCxTQUFTLGdCQUFBQSxlQUFjLGNBQWM7QUFDbk8sU0FBUyxPQUFPLG9CQUFrQzs7O0FDVWxELFNBQVMsYUFBYSxjQUFjLHFCQUFxQjtBQUN6RCxTQUFTLE1BQU0sZUFBZTtBQUM5QixPQUFPLFFBQVE7QUFFZixJQUFNLGNBQWM7QUFDcEIsSUFBTSxVQUE4QjtBQUFBLEVBQ2xDLFFBQVE7QUFBQSxFQUNSLDRCQUE0QjtBQUFBLEVBQzVCLFFBQVEsR0FBRyxhQUFhO0FBQUEsRUFDeEIsS0FBSyxDQUFDLGlCQUFpQjtBQUFBLEVBQ3ZCLFFBQVEsR0FBRyxXQUFXO0FBQUEsRUFDdEIsa0JBQWtCLEdBQUcscUJBQXFCO0FBQUEsRUFDMUMsUUFBUTtBQUFBLEVBQ1IsT0FBTyxDQUFDO0FBQ1Y7QUFDQSxJQUFNLFFBQ0osR0FBRyxpQkFBaUIsZUFBZSxHQUFHLGlCQUFpQixjQUFjLEdBQUcsaUJBQWlCO0FBRzNGLFNBQVMsT0FBTyxXQUE2QztBQUMzRCxPQUNHLEdBQUcsdUJBQXVCLFNBQVMsS0FDbEMsR0FBRyx1QkFBdUIsU0FBUyxLQUNuQyxHQUFHLHNCQUFzQixTQUFTLEtBQ2xDLEdBQUcsbUJBQW1CLFNBQVMsS0FDL0IsR0FBRyxrQkFBa0IsU0FBUyxLQUM5QixHQUFHLG9CQUFvQixTQUFTLE1BQ2xDLFVBQVUsUUFDVixHQUFHLGFBQWEsVUFBVSxJQUFJLEdBQzlCO0FBQ0EsV0FBTyxVQUFVLEtBQUs7QUFBQSxFQUN4QjtBQUNBLE1BQUksR0FBRyxvQkFBb0IsU0FBUyxHQUFHO0FBQ3JDLFVBQU0sY0FBYyxVQUFVLGdCQUFnQixhQUFhLENBQUM7QUFDNUQsUUFBSSxlQUFlLEdBQUcsYUFBYSxZQUFZLElBQUksRUFBRyxRQUFPLFlBQVksS0FBSztBQUFBLEVBQ2hGO0FBQ0EsU0FBTztBQUNUO0FBR0EsU0FBUyxZQUFZLE1BQWUsT0FBTyxvQkFBSSxJQUFZLEdBQWdCO0FBQ3pFLE1BQUksR0FBRyxhQUFhLElBQUksRUFBRyxNQUFLLElBQUksS0FBSyxJQUFJO0FBQzdDLE9BQUssYUFBYSxDQUFDLFVBQVUsS0FBSyxZQUFZLE9BQU8sSUFBSSxDQUFDO0FBQzFELFNBQU87QUFDVDtBQUdBLFNBQVMsY0FBYyxNQUFrQztBQUN2RCxRQUFNLFFBQVEsb0JBQUksSUFBWTtBQUM5QixhQUFXLGFBQWEsS0FBSyxZQUFZO0FBQ3ZDLFFBQUksR0FBRyxvQkFBb0IsU0FBUyxLQUFLLENBQUMsVUFBVSxtQkFBbUIsVUFBVSxjQUFjO0FBQzdGLFVBQUksR0FBRyxlQUFlLFVBQVUsWUFBWSxHQUFHO0FBQzdDLG1CQUFXLFdBQVcsVUFBVSxhQUFhLFNBQVUsT0FBTSxLQUFLLFFBQVEsZ0JBQWdCLFFBQVEsTUFBTSxJQUFJO0FBQUEsTUFDOUc7QUFBQSxJQUNGO0FBQ0EsVUFBTSxZQUFZLEdBQUcsaUJBQWlCLFNBQVMsSUFBSSxHQUFHLGFBQWEsU0FBUyxJQUFJO0FBQ2hGLFVBQU0sT0FBTyxPQUFPLFNBQVM7QUFDN0IsUUFBSSxRQUFRLFdBQVcsS0FBSyxDQUFDLE1BQU0sRUFBRSxTQUFTLEdBQUcsV0FBVyxhQUFhLEVBQUcsT0FBTSxJQUFJLElBQUk7QUFBQSxFQUM1RjtBQUNBLFNBQU87QUFDVDtBQUdBLFNBQVMsZUFBZSxXQUF5QkMsTUFBZ0Q7QUFDL0YsTUFBSSxDQUFDLEdBQUcsb0JBQW9CLFNBQVMsS0FBSyxDQUFDLEdBQUcsZ0JBQWdCLFVBQVUsZUFBZSxFQUFHLFFBQU87QUFDakcsUUFBTSxPQUFPLFVBQVUsZ0JBQWdCO0FBQ3ZDLFNBQU8sU0FBU0EsUUFBTyxLQUFLLFdBQVcsR0FBR0EsSUFBRyxHQUFHO0FBQ2xEO0FBRUEsU0FBUyxLQUFLLFNBQWlCLGNBQXdDLENBQUMsR0FBVTtBQUNoRixRQUFNLFFBQVEsWUFBWSxJQUFJLENBQUMsTUFBTTtBQUNuQyxVQUFNLE9BQU8sR0FBRyw2QkFBNkIsRUFBRSxhQUFhLElBQUk7QUFDaEUsUUFBSSxDQUFDLEVBQUUsUUFBUSxFQUFFLFVBQVUsT0FBVyxRQUFPO0FBQzdDLFVBQU0sRUFBRSxLQUFLLElBQUksRUFBRSxLQUFLLDhCQUE4QixFQUFFLEtBQUs7QUFDN0QsVUFBTSxTQUFTLEVBQUUsS0FBSyxLQUFLLE1BQU0sSUFBSSxFQUFFLElBQUksR0FBRyxLQUFLLEtBQUs7QUFDeEQsV0FBTyxHQUFHLEVBQUUsS0FBSyxRQUFRLElBQUksT0FBTyxDQUFDLEtBQUssSUFBSTtBQUFBLE1BQVMsTUFBTTtBQUFBLEVBQy9ELENBQUM7QUFDRCxRQUFNLElBQUksTUFBTSxDQUFDLFNBQVMsR0FBRyxLQUFLLEVBQUUsS0FBSyxJQUFJLENBQUM7QUFDaEQ7QUFVTyxTQUFTLG1CQUFtQixLQUFhQSxNQUF1QztBQUNyRixRQUFNLE9BQU8sUUFBUSxHQUFHO0FBQ3hCLFFBQU0sUUFBUSxZQUFZLElBQUksRUFDM0IsT0FBTyxDQUFDLE1BQU0sWUFBWSxLQUFLLENBQUMsQ0FBQyxFQUNqQyxJQUFJLENBQUMsTUFBTSxLQUFLLE1BQU0sQ0FBQyxDQUFDO0FBQzNCLFFBQU0sV0FBVyxJQUFJLElBQUksTUFBTSxJQUFJLENBQUMsTUFBTSxDQUFDLEdBQUcsYUFBYSxHQUFHLE1BQU0sQ0FBQyxDQUFDLENBQUM7QUFDdkUsUUFBTSxVQUFVLEdBQUcsY0FBYyxPQUFPLE9BQU87QUFDL0MsUUFBTSxVQUFVLFFBQVEsZUFBZTtBQUN2QyxRQUFNLFVBQVUsR0FBRyxjQUFjLEVBQUUsZ0JBQWdCLEtBQUssQ0FBQztBQUN6RCxRQUFNLFlBQXNDLENBQUM7QUFFN0MsYUFBVyxRQUFRLE9BQU87QUFDeEIsVUFBTSxPQUFPLFFBQVEsY0FBYyxJQUFJLEtBQUssS0FBSyxHQUFHLElBQUksZUFBZTtBQUN2RSxVQUFNLE9BQU8sU0FBUyxJQUFJLElBQUk7QUFFOUIsVUFBTSxRQUFRLG9CQUFJLElBQVk7QUFDOUIsZUFBVyxhQUFhLEtBQUssWUFBWTtBQUN2QyxVQUFJLENBQUMsZUFBZSxXQUFXQSxJQUFHLEVBQUc7QUFDckMsWUFBTSxTQUFTLFVBQVU7QUFDekIsVUFBSSxRQUFRLEtBQU0sT0FBTSxJQUFJLE9BQU8sS0FBSyxJQUFJO0FBQzVDLFlBQU0sV0FBVyxRQUFRO0FBQ3pCLFVBQUksWUFBWSxHQUFHLGtCQUFrQixRQUFRLEVBQUcsT0FBTSxJQUFJLFNBQVMsS0FBSyxJQUFJO0FBQzVFLFVBQUksWUFBWSxHQUFHLGVBQWUsUUFBUSxFQUFHLFlBQVcsS0FBSyxTQUFTLFNBQVUsT0FBTSxJQUFJLEVBQUUsS0FBSyxJQUFJO0FBQUEsSUFDdkc7QUFDQSxRQUFJLE1BQU0sU0FBUyxLQUFLLENBQUMsS0FBSyxXQUFXLEtBQUssQ0FBQyxNQUFNLGVBQWUsR0FBR0EsSUFBRyxDQUFDLEVBQUc7QUFDOUUsYUFBUyxPQUFPLE1BQU0sUUFBUTtBQUM1QixhQUFPO0FBQ1AsaUJBQVcsYUFBYSxLQUFLLFlBQVk7QUFDdkMsY0FBTSxPQUFPLE9BQU8sU0FBUztBQUM3QixZQUFJLENBQUMsUUFBUSxNQUFNLElBQUksSUFBSSxFQUFHO0FBQzlCLFlBQUksQ0FBQyxHQUFHLFlBQVksU0FBUyxDQUFDLEVBQUUsS0FBSyxDQUFDLE9BQU8sT0FBTyxRQUFRLE1BQU0sSUFBSSxFQUFFLENBQUMsR0FBRztBQUMxRSxnQkFBTSxJQUFJLElBQUk7QUFDZCxpQkFBTztBQUFBLFFBQ1Q7QUFBQSxNQUNGO0FBQUEsSUFDRjtBQUNBLFVBQU0sV0FBVyxjQUFjLElBQUk7QUFDbkMsVUFBTSxRQUF3RCxDQUFDO0FBQy9ELFVBQU0sUUFBa0IsQ0FBQztBQUN6QixlQUFXLGFBQWEsS0FBSyxZQUFZO0FBQ3ZDLFVBQUksZUFBZSxXQUFXQSxJQUFHLEdBQUc7QUFDbEMsY0FBTSxLQUFLLEVBQUUsT0FBTyxVQUFVLGFBQWEsR0FBRyxLQUFLLFVBQVUsS0FBSyxNQUFNLEdBQUcsQ0FBQztBQUM1RTtBQUFBLE1BQ0Y7QUFDQSxZQUFNLE9BQU8sT0FBTyxTQUFTO0FBQzdCLFVBQUksQ0FBQyxRQUFRLENBQUMsTUFBTSxJQUFJLElBQUksRUFBRztBQUMvQixVQUFJLENBQUMsU0FBUyxJQUFJLElBQUksR0FBRztBQUV2QixjQUFNLEtBQUssRUFBRSxPQUFPLFVBQVUsYUFBYSxHQUFHLEtBQUssVUFBVSxLQUFLLE1BQU0sR0FBRyxDQUFDO0FBQzVFO0FBQUEsTUFDRjtBQUNBLFVBQUksQ0FBQyxHQUFHLHVCQUF1QixTQUFTLEtBQUssVUFBVSxnQkFBZ0I7QUFDckUsYUFBSyxHQUFHLElBQUksa0JBQWtCLElBQUksWUFBWUEsSUFBRyw2REFBNkQ7QUFBQSxNQUNoSDtBQUNBLFlBQU0sT0FBTyxRQUFRLGtCQUFrQixVQUFVLElBQUk7QUFDckQsWUFBTSxPQUFPLFFBQVEsZUFBZSxNQUFNLFdBQVcsS0FBSyxLQUFLLEtBQUssR0FBRyxJQUFJLEtBQUssSUFBSSx1QkFBdUI7QUFDM0csWUFBTSxPQUFPLFFBQVEsVUFBVSxHQUFHLFNBQVMsYUFBYSxNQUFNLElBQUk7QUFDbEUsWUFBTSxhQUFhLEdBQUcsYUFBYSxTQUFTLEtBQUssQ0FBQyxHQUFHLElBQUksQ0FBQyxNQUFNLEdBQUcsRUFBRSxRQUFRLElBQUksQ0FBQyxHQUFHLEVBQUUsS0FBSyxFQUFFO0FBQzlGLFlBQU0sS0FBSyxFQUFFLE9BQU8sVUFBVSxTQUFTLElBQUksR0FBRyxLQUFLLFVBQVUsS0FBSyxNQUFNLEdBQUcsU0FBUyxRQUFRLElBQUksTUFBTSxJQUFJLElBQUksQ0FBQztBQUMvRyxZQUFNLEtBQUssSUFBSTtBQUFBLElBQ2pCO0FBQ0EsUUFBSSxNQUFNO0FBQ1YsZUFBVyxRQUFRLE1BQU0sS0FBSyxDQUFDLEdBQUcsTUFBTSxFQUFFLFFBQVEsRUFBRSxLQUFLLEdBQUc7QUFDMUQsWUFBTSxJQUFJLE1BQU0sR0FBRyxLQUFLLEtBQUssSUFBSSxLQUFLLE9BQU8sSUFBSSxNQUFNLEtBQUssR0FBRztBQUFBLElBQ2pFO0FBQ0Esa0JBQWMsTUFBTSxJQUFJLFFBQVEsUUFBUSxFQUFFLENBQUM7QUFDM0MsY0FBVSxJQUFJLElBQUk7QUFBQSxFQUNwQjtBQUVBLFNBQU8sTUFBTSxPQUFPLFVBQVUsV0FBV0EsSUFBRztBQUM1QyxTQUFPO0FBQ1Q7QUFHQSxTQUFTLE9BQ1AsTUFDQSxPQUNBLFVBQ0EsV0FDQUEsTUFDTTtBQUNOLGFBQVcsUUFBUSxPQUFPO0FBQ3hCLFVBQU0sT0FBTyxhQUFhLE1BQU0sTUFBTTtBQUN0QyxRQUFJLEtBQUssU0FBUyxJQUFJQSxJQUFHLEVBQUUsS0FBSyxLQUFLLFNBQVMsSUFBSUEsSUFBRyxFQUFFLEVBQUcsTUFBSyxHQUFHLElBQUksb0JBQW9CQSxJQUFHLEVBQUU7QUFBQSxFQUNqRztBQUVBLFFBQU0sYUFBYSxDQUFDLFNBQWlCLEtBQUssUUFBUSxhQUFhLENBQUMsUUFBUSxZQUFZLEdBQUcsRUFBRTtBQUN6RixRQUFNLFdBQVcsQ0FBQyxTQUFpQixLQUFLLFFBQVEsWUFBWSxLQUFLLEVBQUUsUUFBUSxhQUFhLE1BQU07QUFDOUYsUUFBTSxRQUFRLEtBQUssTUFBTSwyQkFBMkI7QUFDcEQsUUFBTSxRQUFRO0FBQUEsSUFDWjtBQUFBLEVBQ0Y7QUFDQSxNQUFJLElBQUk7QUFDUixhQUFXLENBQUMsTUFBTSxLQUFLLEtBQUssT0FBTyxRQUFRLFNBQVMsR0FBRztBQUNyRCxRQUFJLE1BQU0sV0FBVyxFQUFHO0FBQ3hCLFVBQU0sT0FBTyxHQUFHLGlCQUFpQixNQUFNLGFBQWEsTUFBTSxNQUFNLEdBQUcsR0FBRyxhQUFhLFFBQVEsSUFBSTtBQUMvRixVQUFNLGFBQWEsb0JBQUksSUFBb0I7QUFDM0MsZUFBVyxhQUFhLEtBQUssWUFBWTtBQUN2QyxVQUFJLEdBQUcsb0JBQW9CLFNBQVMsS0FBSyxVQUFVLGdCQUFnQixHQUFHLGVBQWUsVUFBVSxZQUFZLEdBQUc7QUFDNUcsbUJBQVcsS0FBSyxVQUFVLGFBQWEsU0FBVSxZQUFXLEtBQUssRUFBRSxnQkFBZ0IsRUFBRSxNQUFNLE1BQU0sRUFBRSxLQUFLLElBQUk7QUFBQSxNQUM5RztBQUFBLElBQ0Y7QUFDQSxVQUFNLEtBQUssdUJBQXVCLENBQUMsU0FBUyxLQUFLLFVBQVUsU0FBUyxJQUFJLENBQUMsQ0FBQyxHQUFHO0FBQzdFLFVBQU0sS0FBSyx1QkFBdUIsQ0FBQyxTQUFTLEtBQUssVUFBVSxTQUFTLFdBQVcsSUFBSSxDQUFDLENBQUMsQ0FBQyxHQUFHO0FBQ3pGLGVBQVcsUUFBUSxPQUFPO0FBQ3hCLFlBQU0sTUFBTSxXQUFXLElBQUksSUFBSSxLQUFLO0FBQ3BDLFlBQU0sS0FBSyxvQkFBb0IsQ0FBQyxJQUFJLElBQUksYUFBYSxDQUFDLElBQUksR0FBRyxRQUFRLENBQUMsSUFBSSxHQUFHLFdBQVc7QUFBQSxJQUMxRjtBQUNBO0FBQUEsRUFDRjtBQUNBLFFBQU0sVUFBVSxvQkFBSSxJQUFvQixDQUFDLENBQUMsT0FBTyxNQUFNLEtBQUssSUFBSSxDQUFDLENBQUMsQ0FBQztBQUNuRSxhQUFXLENBQUMsTUFBTSxJQUFJLEtBQUssU0FBVSxTQUFRLElBQUksV0FBVyxJQUFJLEdBQUcsSUFBSTtBQUN2RSxRQUFNLE9BQU8sR0FBRyxtQkFBbUIsT0FBTztBQUMxQyxRQUFNLEVBQUUsWUFBWSxVQUFVLGNBQWMsSUFBSTtBQUNoRCxPQUFLLGFBQWEsQ0FBQyxNQUFNLFFBQVEsSUFBSSxDQUFDLEtBQUssV0FBVyxLQUFLLE1BQU0sQ0FBQztBQUNsRSxPQUFLLFdBQVcsQ0FBQyxNQUFNLFFBQVEsSUFBSSxDQUFDLEtBQUssU0FBUyxLQUFLLE1BQU0sQ0FBQztBQUM5RCxPQUFLLGdCQUFnQixDQUFDLEdBQUcsYUFBYSxTQUFTO0FBQzdDLFVBQU0sT0FBTyxRQUFRLElBQUksQ0FBQztBQUMxQixXQUFPLFNBQVMsU0FBWSxjQUFjLEtBQUssTUFBTSxHQUFHLFVBQVUsR0FBRyxJQUFJLElBQUksR0FBRyxpQkFBaUIsR0FBRyxNQUFNLFFBQVE7QUFBQSxFQUNwSDtBQUNBLFFBQU0sVUFBVSxHQUFHLGNBQWMsQ0FBQyxHQUFHLE9BQU8sS0FBSyxHQUFHLFNBQVMsSUFBSTtBQUNqRSxRQUFNLGNBQWMsQ0FBQyxHQUFHLE9BQU8sS0FBSyxFQUFFLFFBQVEsQ0FBQyxNQUFNO0FBQ25ELFVBQU0sT0FBTyxRQUFRLGNBQWMsQ0FBQztBQUNwQyxXQUFPLE9BQU8sQ0FBQyxHQUFHLFFBQVEsd0JBQXdCLElBQUksR0FBRyxHQUFHLFFBQVEsdUJBQXVCLElBQUksQ0FBQyxJQUFJLENBQUM7QUFBQSxFQUN2RyxDQUFDO0FBQ0QsTUFBSSxZQUFZLFNBQVMsRUFBRyxNQUFLLDRDQUE0QyxXQUFXO0FBQzFGOzs7QURqT2dILElBQU0sK0JBQStCO0FBSXJKLElBQU0sTUFBTSxLQUFLLE1BQU1DLGNBQWEsSUFBSSxJQUFJLGtCQUFrQiw0QkFBZSxHQUFHLE1BQU0sQ0FBQztBQU12RixJQUFNLFNBQWtCO0FBQUE7QUFBQTtBQUFBO0FBQUEsRUFJdEIsV0FBVztBQUFBLEVBQ1gsUUFBUTtBQUFBLEVBQ1IsV0FBVztBQUFBO0FBQUE7QUFBQSxFQUdYLFlBQVksQ0FBQyxLQUFLO0FBQUE7QUFBQTtBQUFBLEVBR2xCLFVBQVUsT0FBTyxLQUFLLElBQUksZ0JBQWdCO0FBQUE7QUFBQTtBQUFBLEVBRzFDLGVBQWUsU0FBUztBQUN0QixZQUFRLG1CQUFtQjtBQUMzQixZQUFRLGVBQWU7QUFBQSxFQUN6QjtBQUNGO0FBR0EsSUFBTSxVQUFVO0FBQUEsRUFDZCxPQUFPO0FBQUEsRUFDUCxVQUFVO0FBQUEsRUFDVixpQkFBaUI7QUFDbkI7QUFFQSxJQUFNLFNBQW9CO0FBQUEsRUFDeEI7QUFBQSxJQUNFLEdBQUc7QUFBQTtBQUFBO0FBQUE7QUFBQSxJQUlILE9BQU87QUFBQSxJQUNQLFFBQVEsQ0FBQyxPQUFPLEtBQUs7QUFBQSxJQUNyQixXQUFXO0FBQUE7QUFBQTtBQUFBLElBR1gsTUFBTSxZQUFZO0FBQ2hCLFlBQU0sTUFBTSxFQUFFLFFBQVEsT0FBTyxPQUFPLFNBQVMsUUFBUSxDQUFDLE9BQU8sS0FBSyxHQUFHLEtBQUssRUFBRSxNQUFNLEtBQUssR0FBRyxRQUFRLEtBQUssQ0FBQztBQUN4Ryx5QkFBbUIsUUFBUSxLQUFLO0FBQUEsSUFDbEM7QUFBQSxFQUNGO0FBQUEsRUFDQTtBQUFBLElBQ0UsR0FBRztBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUEsSUFLSCxPQUFPLEVBQUUsS0FBSyxvQkFBb0IsY0FBYyxvQkFBb0I7QUFBQSxJQUNwRSxRQUFRLENBQUMsS0FBSztBQUFBLElBQ2QsWUFBWSxDQUFDLE9BQU8sWUFBWSxpQkFBaUIsU0FBUyxPQUFPO0FBQUEsSUFDakUsV0FBVztBQUFBLElBQ1gsZUFBZSxTQUFTO0FBQ3RCLGFBQU8saUJBQWlCLFNBQVMsRUFBRSxRQUFRLE1BQU0sQ0FBQztBQUVsRCxjQUFRLGFBQWE7QUFBQSxJQUN2QjtBQUFBLElBQ0EsUUFBUSxFQUFFLHlCQUF5QixLQUFLLFVBQVUsSUFBSSxPQUFPLEVBQUU7QUFBQTtBQUFBLElBRS9ELFFBQVE7QUFBQSxNQUNOLElBQUk7QUFBQSxJQUNOO0FBQUEsRUFDRjtBQUNGO0FBSUEsSUFBTyxzQkFBUSxhQUFhLE1BQU07QUFDaEMsU0FBTyxRQUFRLEVBQUUsV0FBVyxNQUFNLE9BQU8sS0FBSyxDQUFDO0FBQy9DLFNBQU87QUFDVCxDQUFDOyIsCiAgIm5hbWVzIjogWyJyZWFkRmlsZVN5bmMiLCAicGtnIiwgInJlYWRGaWxlU3luYyJdCn0K
