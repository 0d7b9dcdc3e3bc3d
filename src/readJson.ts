import { readFile } from 'node:fs/promises';

/** A state file's JSON, or null when it is missing or unreadable: the caller then starts afresh. */
export async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}
