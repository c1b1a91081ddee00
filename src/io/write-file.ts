import { AtomicOutput } from './atomic-output.js';

/** Writes a whole file through {@link AtomicOutput}: never a half-written file, nothing left behind when it fails. */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const output = new AtomicOutput(file);
  try {
    await output.write(text);
    await output.commit();
  } catch (error) {
    await output.abandon();
    throw error;
  }
}
