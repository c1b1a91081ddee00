import { renameSync, writeFileSync } from 'node:fs';

/** Writes a file through a temporary sibling renamed into place: never a half-written file. */
export function writeFileAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
