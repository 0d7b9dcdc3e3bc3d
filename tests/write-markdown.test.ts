import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../src/schema.ts';
import { markdownOf, writeFolder, type MarkdownFile } from '../src/ingest/writeMarkdown.ts';
import { tempDir } from './support/tmp.ts';

/** Enough files for the worker threads (the threshold is 400). */
const COUNT = 450;

function file(i: number): MarkdownFile {
  const article: Article = {
    title: `Tuần tra biên giới số ${i}`,
    titleDerived: false,
    date: `2023-05-${String(1 + (i % 28)).padStart(2, '0')}`,
    estimatedDate: null,
    estimatedFrom: null,
    crawledAt: null,
    series: null,
    dateline: 'QK2',
    summary: `Đồn Biên phòng tuần tra lần ${i}.`,
    byline: 'Văn Hùng',
    authors: ['Văn Hùng'],
    units: ['Bộ CHQS tỉnh Lào Cai'],
    captions: [],
    body: [{ kind: 'paragraph', text: `QK2 - Đồn Biên phòng tuần tra lần ${i}: 1. giữ vững *chủ quyền*.` }],
    truncated: false,
    source: `${i}.txt`,
  };
  return { name: `2023/05/${String(1 + (i % 28)).padStart(2, '0')}/tuan-tra-${i}.md`, article, placement: { slug: `tuan-tra-${i}` } };
}

test('writeMarkdown: a large folder written by worker threads holds each file as made here, with its entry', async () => {
  const folder = await tempDir('write-markdown-');
  const files = Array.from({ length: COUNT }, (_, i) => file(i));
  const entries = await writeFolder(files, folder);
  assert.equal(entries.length, COUNT);
  for (const [i, f] of files.entries()) {
    const { bytes, entry } = markdownOf(f);
    assert.deepEqual(await readFile(path.join(folder, f.name)), bytes, f.name);
    assert.deepEqual(entries[i], entry, f.name);
  }
});

test('writeMarkdown: a worker that cannot write fails the whole write, naming the cause', async () => {
  const blocker = path.join(await tempDir('write-markdown-blocked-'), 'not-a-folder');
  await writeFile(blocker, '');
  await assert.rejects(
    writeFolder(
      Array.from({ length: COUNT }, (_, i) => file(i)),
      path.join(blocker, 'content'),
    ),
    /ENOTDIR/,
  );
});
