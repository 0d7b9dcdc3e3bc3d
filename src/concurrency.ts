/**
 * `task(0)` … `task(count - 1)`, at most `limit` at a time: enough files in flight to hide the disk's
 * latency, few enough to bound memory and open files (reading dumps, writing Markdown, indexing, linking).
 */
export async function forEachLimited(count: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}
