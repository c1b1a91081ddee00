import { join } from 'node:path';
import ts from 'typescript';

/** The package's entry points: the name a consumer imports, and its source. */
export const ENTRY_POINTS = {
  credstack: 'src/index.ts',
  'credstack/node': 'src/node.ts',
  'credstack/catalog': 'src/example-catalog.ts',
} as const;

export type EntryPoint = keyof typeof ENTRY_POINTS;

/** What an entry point exports: names with a runtime value, and names that are types only. */
export interface ExportList {
  readonly values: readonly string[];
  readonly types: readonly string[];
}

/**
 * The exports of each entry point as the TypeScript compiler sees them (re-exports followed to
 * their declarations): a name is a value when it has a runtime binding and is not exported with
 * `export type`, else a type.
 */
export function declaredExports(root: string): Record<EntryPoint, ExportList> {
  const files = Object.values(ENTRY_POINTS).map((file) => join(root, file));
  const program = ts.createProgram(files, { ...COMPILER_OPTIONS });
  const checker = program.getTypeChecker();
  const lists = {} as Record<EntryPoint, ExportList>;
  for (const [entry, file] of Object.entries(ENTRY_POINTS) as [EntryPoint, string][]) {
    const source = program.getSourceFile(join(root, file));
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${file}: not a module`);
    const values: string[] = [];
    const types: string[] = [];
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const value = !typeOnly(symbol) && (target.flags & ts.SymbolFlags.Value) !== 0;
      (value ? values : types).push(symbol.name);
    }
    lists[entry] = { values: values.sort(), types: types.sort() };
  }
  return lists;
}

/** Whether a name is exported with `export type { ... }` or `export { type ... }`. */
function typeOnly(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some(
    (declaration) =>
      ts.isExportSpecifier(declaration) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly),
  );
}

/** The `@example` code blocks of one exported function, by the name its entry point exports. */
export interface FunctionExamples {
  readonly entry: EntryPoint;
  readonly name: string;
  readonly examples: readonly string[];
}

/** Every function an entry point exports at run time, with the code of its `@example` blocks. */
export function functionExamples(root: string): FunctionExamples[] {
  const files = Object.values(ENTRY_POINTS).map((file) => join(root, file));
  const program = ts.createProgram(files, { ...COMPILER_OPTIONS });
  const checker = program.getTypeChecker();
  const found: FunctionExamples[] = [];
  for (const [entry, file] of Object.entries(ENTRY_POINTS) as [EntryPoint, string][]) {
    const source = program.getSourceFile(join(root, file));
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${file}: not a module`);
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (!(target.flags & ts.SymbolFlags.Function)) continue;
      const examples = (target.declarations ?? [])
        .flatMap((declaration) => ts.getJSDocTags(declaration))
        .filter((tag) => tag.tagName.text === 'example')
        .map((tag) => ts.getTextOfJSDocComment(tag.comment) ?? '')
        .map((text) => /```ts\n([\s\S]*?)```/.exec(text)?.[1] ?? '');
      found.push({ entry, name: symbol.name, examples });
    }
  }
  return found.sort((a, b) => `${a.entry} ${a.name}`.localeCompare(`${b.entry} ${b.name}`));
}

/** How the tests compile the sources and the examples: as tsconfig.json does, without emitting. */
export const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  resolveJsonModule: true,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
};

/**
 * Type-checks code written against the package (`import ... from 'credstack'`, `credstack/node`,
 * `credstack/catalog`), resolved to this checkout's sources. Returns each file's errors, worded.
 */
export function typeCheck(root: string, files: readonly string[]): string[] {
  const paths = Object.fromEntries(Object.entries(ENTRY_POINTS).map(([entry, file]) => [entry, [join(root, file)]]));
  const program = ts.createProgram(files, { ...COMPILER_OPTIONS, paths });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && files.includes(diagnostic.file.fileName))
    .map((diagnostic) => {
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return `${diagnostic.file!.fileName}:${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
}
