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
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    resolveJsonModule: true,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
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
