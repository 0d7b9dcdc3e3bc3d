/**
 * A rebuild's feeds take the entries of articles whose pages are kept from the previous feed files
 * (`reuseAtomEntries`, src/site/html/feeds.ts): an entry is taken only when everything it shows but the
 * body is what the article shows now, and never for an article the render renders again.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { buildArchive, type ContentFile } from '../src/site/archive.ts';
import { reuseAtomEntries, unitFeed } from '../src/site/html/feeds.ts';
import { unitDirectory } from '../src/site/units.ts';
import type { FrontMatter } from '../src/schema.ts';

const site = { siteUrl: 'https://luutru.example.vn', pathPrefix: '/' };

function article(i: number, title = `Bài ${i}`): ContentFile {
  const slug = `bai-${i}`;
  const frontMatter: FrontMatter = {
    title,
    summary: `Tóm tắt ${i}.`,
    authors: [],
    units: ['Sư đoàn 316'],
    captions: [],
    source: `${slug}.txt`,
    slug,
    date: `2023-03-${String(i).padStart(2, '0')}`,
  };
  const body = `Tiểu đoàn ${i} huấn luyện.`;
  return { file: `${slug}.md`, hash: JSON.stringify([frontMatter, body]), frontMatter, body };
}

const feedOf = (content: ContentFile[]): string => {
  const archive = buildArchive(content, { units: unitDirectory });
  return unitFeed(archive.units[0]!, site);
};
const articles = (): ContentFile[] => Array.from({ length: 5 }, (_, i) => article(i + 1));
const URL3 = '/2023/03/03/bai-3/';
/** The previous feed with article 3's body replaced by a mark: seen in a feed only if its entry was taken. */
const marked = (): string => feedOf(articles()).replace('Tiểu đoàn 3 huấn luyện.', 'ĐÃ DÙNG LẠI');

describe('feed entries taken from the previous feed', () => {
  afterEach(() => reuseAtomEntries(null));

  test('the previous feed as it is: the same feed, byte for byte', () => {
    const fresh = feedOf(articles());
    reuseAtomEntries([fresh]);
    assert.equal(feedOf(articles()), fresh);
  });

  test("a kept article's entry is taken as it was, not rendered from its Markdown", () => {
    reuseAtomEntries([marked()]);
    assert.match(feedOf(articles()), /ĐÃ DÙNG LẠI/);
  });

  test('an article rendered again: its entry rendered too', () => {
    reuseAtomEntries([marked()], new Set([URL3]));
    const feed = feedOf(articles());
    assert.doesNotMatch(feed, /ĐÃ DÙNG LẠI/);
    assert.equal(feed, feedOf(articles()));
  });

  test('an entry showing something else than the article now (its title): rendered', () => {
    reuseAtomEntries([marked()]);
    const content = articles();
    content[2] = article(3, 'Bài ba, tiêu đề mới');
    const feed = feedOf(content);
    assert.doesNotMatch(feed, /ĐÃ DÙNG LẠI/);
    reuseAtomEntries(null);
    assert.equal(feed, feedOf(content));
  });

  test('no previous feeds: every entry rendered', () => {
    reuseAtomEntries([marked()]);
    reuseAtomEntries(null);
    assert.doesNotMatch(feedOf(articles()), /ĐÃ DÙNG LẠI/);
  });
});
