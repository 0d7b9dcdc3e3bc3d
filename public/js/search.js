// The search page `/tim-kiem/`: Pagefind's JS API over the archive's index shards (see
// src/search/shards.ts), with the query, filters and sort kept in the URL.
//
// Pagefind's prebuilt UIs are not used: their merged multi-index search re-sorts every result by score,
// which breaks date sorting across shards, and excerpts must get back the `đ` the indexer folds and
// lose the title twins it adds. Sorted by date, the results are each shard's own in shard order (shards
// are date ranges), with those of the shard of articles added since their dates' shards were built
// (`bo-sung`) merged in by date.
//
// A query is read as Vietnamese words (`planQuery`, search-text.js): first the articles whose title has
// its syllables side by side, then those whose text has them, each newest first, then the others with
// every word by Pagefind's relevance (`find`). Every query is answered first by the newest shard (at
// most ~1,500 articles), with the added shard's articles (those rebuilds added, at most 300) at least as
// new as it merged in by date, when what it finds cannot be preceded by an older shard's articles
// (`firstResults`); the whole archive's results then follow them on screen, never replacing them:
// every shard costs a query its metadata and one index chunk per word, so waiting for all of them would
// multiply the bytes and the time to the first results by the number of shards. The whole archive is a
// second Pagefind instance, loaded once while the first results are on screen: Pagefind's merged search
// waits for every merged shard to load.
//
// The title index (`pagefind/titles/`, src/search/titleIndex.ts) says for the whole archive, in one small
// file per pair of words, which shards have titles with the pair and which are the newest: a two-word
// query's first results are those titles, shown from their fragment files whatever shard holds them,
// and a query no title answers shows the newest shard's articles whose text has it (`firstResults`).
import {
  D_BITS_FIELD,
  SORTS,
  STRINGS,
  chain,
  dropSuperseded,
  formatDate,
  keepResults,
  later,
  pairKey,
  planQuery,
  readState,
  realExcerpt,
  restoreD,
  searchTerm,
  supersededPages,
  titleBucket,
  titleExcerpt,
  unfoldExcerpt,
  withoutCounts,
  wordPairs,
  writeState,
} from './search-text.js';

const PAGE_SIZE = 10;
/** Short enough to feel instant, longer than the ~60 ms between the keys of a fast typist. */
const TYPING_PAUSE_MS = 80;
const UNDATED_SHARD = 'khong-ro-ngay';
/** Articles rebuilds added, whatever their date: merged into the newest shard's answers and, by date, the others'. */
const ADDED_SHARD = 'bo-sung';

/** The site root, deploy prefix included: this file is `<root>js/search.js`. */
const siteRoot = new URL('../', import.meta.url);
const bundle = new URL('pagefind/', siteRoot);
const collator = new Intl.Collator('vi', { numeric: true });
const INDEX_OPTIONS = { baseUrl: siteRoot.pathname, excerptLength: 28 };

const root = document.querySelector('[data-search]');
const form = root.querySelector('form');
const input = form.querySelector('input[name="q"]');
const sortSelect = form.querySelector('select[name="sap-xep"]');
const filterSelects = [...form.querySelectorAll('select[data-filter]')];
const status = root.querySelector('[data-search-status]');
const list = root.querySelector('[data-search-results]');
const more = root.querySelector('[data-search-more]');

let pagefind = null;
let shardKeys = [];
/** The title index (`src/search/titleIndex.ts`): `{ buckets, top }` from shards.json, or null (an older index). */
let titleIndex = null;
/** Pages the index holds but must not show (`supersededPages`): dropped from every search by id. */
let superseded = new Map();
/** The newest shard alone: every query's first results, never held up by the older shards loading. */
let newest = null;
/** The whole archive: every shard merged into a second instance, once (`wholeArchive`). */
let merging = null;
let state = readState(location.search);
let run = 0;
/** The results of the search on screen not shown yet (`inOrder`, `mergedByDate`). */
let pending = inOrder([]);
let timer = 0;
let composing = false;

/**
 * An index of one shard; each carries a `shard` filter, so that date sorting can walk the shards in order.
 * Its searches and filter counts leave out the superseded pages (deleted, or replaced by an edit).
 */
async function shardIndex(key) {
  const created = pagefind.createInstance({ basePath: new URL(`${key}/`, bundle).pathname });
  await created.options({ ...INDEX_OPTIONS, mergeFilter: { shard: key } });
  return withoutSuperseded(created);
}

/** `instance` with `search` and `filters` leaving out the superseded pages; everything else its own. */
function withoutSuperseded(instance) {
  return new Proxy(instance, {
    get(target, name) {
      if (name === 'search') return async (...args) => dropSuperseded(await target.search(...args), superseded);
      if (name === 'filters') return async () => withoutCounts(await target.filters(), [...superseded.values()], true);
      const value = Reflect.get(target, name);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function openIndex() {
  const response = await fetch(new URL('shards.json', bundle));
  if (!response.ok) throw new Error(`shards.json: HTTP ${response.status}`);
  const manifest = await response.json();
  shardKeys = manifest.shards.map((s) => s.key);
  titleIndex = manifest.titles ?? null;
  superseded = supersededPages(manifest);
  pagefind = await import(new URL(`${shardKeys[0]}/pagefind.js`, bundle).href);
  newest = await shardIndex(shardKeys[0]);
  // A rebuild indexes new articles in the added shard (src/search/shards.ts): merged into the first
  // results too, so that yesterday's article is found at once. It is small (at most 300 articles).
  if (shardKeys.includes(ADDED_SHARD)) {
    await newest.mergeIndex(new URL(`${ADDED_SHARD}/`, bundle).pathname, { ...INDEX_OPTIONS, mergeFilter: { shard: ADDED_SHARD } });
  }
}

/**
 * The whole archive's index, loaded once. A second instance, not the newest shard's: Pagefind's merged
 * search waits for every merged shard, and the next query's first results must not.
 */
function wholeArchive() {
  merging ??= (async () => {
    if (shardKeys.length === 1) return newest;
    const all = await shardIndex(shardKeys[0]);
    await Promise.all(
      shardKeys
        .slice(1)
        .map((key) => all.mergeIndex(new URL(`${key}/`, bundle).pathname, { ...INDEX_OPTIONS, mergeFilter: { shard: key } })),
    );
    return all;
  })();
  return merging;
}

/** Shards in date order: newest or oldest first, undated articles last either way; not the added one. */
function shardsInDateOrder(direction) {
  const dated = shardKeys.filter((k) => k !== UNDATED_SHARD && k !== ADDED_SHARD);
  if (direction === 'asc') dated.reverse();
  return shardKeys.includes(UNDATED_SHARD) ? [...dated, UNDATED_SHARD] : dated;
}

function dateSort(shard, direction) {
  return shard === UNDATED_SHARD ? {} : { date: direction };
}

/** Results in the order shown: each one's data is loaded when it is shown. */
function inOrder(results) {
  let next = 0;
  return {
    total: results.length,
    left: () => Math.max(0, results.length - next),
    take: (count) => Promise.all(results.slice(next, (next += count)).map((r) => r.data())),
    skip: async (count) => void (next += count),
  };
}

/**
 * The shards' `results` in date order with the added shard's (`added`, sorted by date on its own) merged
 * in by date, lazily: showing a result loads at most one more, the next of the other list. Given a
 * `floor` (newest first only), the added list ends at its first article dated before it.
 */
function mergedByDate(results, added, direction, floor = null) {
  if (added.length === 0) return inOrder(results);
  const lists = [results, added].map((items) => ({ items, next: 0, head: null }));
  let total = results.length + added.length;
  let shown = 0;
  let queue = Promise.resolve([]);
  // Undated results (the undated shard's, last) come after every dated one.
  // An estimated date (`meta.estimated`) sorts like a date, as the index's `date` sort does.
  const dateOf = (r) => r.meta.date ?? r.meta.estimated;
  const before = (a, b) => !dateOf(b) || (Boolean(dateOf(a)) && (direction === 'asc' ? dateOf(a) < dateOf(b) : dateOf(a) > dateOf(b)));
  const takeOne = async () => {
    const live = lists.filter((l) => l.head || l.next < l.items.length);
    if (live.length === 0) return null;
    await Promise.all(live.map(async (l) => (l.head ??= await l.items[l.next++].data())));
    const extra = lists[1];
    if (floor !== null && extra.head && !(dateOf(extra.head) >= floor)) {
      // Newest first, the added articles from here on are older than `floor`: an older shard's may come first.
      total -= extra.items.length - extra.next + 1;
      extra.head = null;
      extra.next = extra.items.length;
      return takeOne();
    }
    const [first, second] = live;
    const from = second && before(second.head, first.head) ? second : first;
    const data = from.head;
    from.head = null;
    shown++;
    return data;
  };
  const take = (count) =>
    // One after the other: two "more" clicks must not take the same heads.
    (queue = queue.then(async () => {
      const datas = [];
      for (let data; datas.length < count && (data = await takeOne()); ) datas.push(data);
      return datas;
    }));
  return { total, left: () => total - shown, take, skip: async (count) => void (await take(count)) };
}

/** The ids of a search's results. */
const ids = (found) => new Set(found.results.map((r) => r.id));

/**
 * `term`'s results on the whole archive in date order: each shard's own sorted by date, in shard order,
 * the added shard's merged in by date. `keep` narrows them (`keepResults`). `perShard` (the `shard`
 * filter's counts of an unsorted search for `term`) spares the search of shards without a result:
 * each search runs on every merged shard.
 */
async function byDate(index, term, filters, direction, { keep = (results) => results, perShard = null } = {}) {
  const none = { results: [] };
  const inShard = (shard) =>
    perShard && !perShard[shard] ? none : index.search(term, { filters: { ...filters, shard }, sort: dateSort(shard, direction) });
  const [added, ...parts] = await Promise.all([
    shardKeys.includes(ADDED_SHARD) ? inShard(ADDED_SHARD) : null,
    ...shardsInDateOrder(direction).map(inShard),
  ]);
  return mergedByDate(keep(parts.flatMap((p) => p.results)), keep(added?.results ?? []), direction);
}

/**
 * `term`'s results newest first, a shard at a time, each shard searched (sorted by date) only when its
 * results are reached: `counts[shard]` (the `shard` filter's counts of an unsorted search) says how
 * many each has, `keep` narrows them to that many. Each search runs on every merged shard, so searching
 * all of them up front costs the square of the number of shards (at 100,000 articles, 23: over 30 s
 * for the commonest words); the first page needs one or two. The added shard, merged in by date, needs
 * them all (`byDate`).
 */
function newestFirst(index, term, filters, counts, keep = (results) => results) {
  const shards = shardsInDateOrder('desc').filter((shard) => counts?.[shard] > 0);
  const total = shards.reduce((n, shard) => n + counts[shard], 0);
  const loaded = [];
  let next = 0;
  let queue = Promise.resolve();
  const fill = async (count) => {
    while (loaded.length < next + count && shards.length > 0) {
      const shard = shards.shift();
      const found = await index.search(term, { filters: { ...filters, shard }, sort: dateSort(shard, 'desc') });
      loaded.push(...keep(found.results));
    }
  };
  const step = (count, load) =>
    (queue = queue.then(async () => {
      await fill(count);
      const slice = loaded.slice(next, (next += count));
      next = Math.min(next, loaded.length);
      return load ? Promise.all(slice.map((r) => r.data())) : slice;
    }));
  return {
    total,
    left: () => Math.max(0, total - next),
    take: (count) => step(count, true),
    skip: async (count) => void (await step(count, false)),
  };
}

/**
 * The first day of the newest shard's dates, from its key (`2024`, `2016-2020`, `2024-07-12`): every
 * older shard's articles are dated before it. Compared as a string with a date (`2024-07` ≤ `2024-07-03`).
 */
function shardFloor(key) {
  const m = /^(\d{4})(?:-\d{4}|-(\d{2})-\d{2})?$/.exec(key);
  return m ? (m[2] ? `${m[1]}-${m[2]}` : m[1]) : null;
}

/**
 * `term`'s results in the newest shard, newest first, with the added shard's at least as new as the
 * newest shard's dates merged in by date: an older added article may come after an older shard's, which
 * the first results cannot know. `keep` narrows each list.
 */
async function newestResults(term, filters, keep = (results) => results) {
  const sort = { date: 'desc' };
  if (!shardKeys.includes(ADDED_SHARD)) return inOrder(keep((await newest.search(term, { filters, sort })).results));
  const inShard = (shard) => newest.search(term, { filters: { ...filters, shard }, sort });
  const [own, added] = await Promise.all([inShard(shardKeys[0]), inShard(ADDED_SHARD)]);
  return mergedByDate(keep(own.results), keep(added.results), 'desc', shardFloor(shardKeys[0]) ?? '9999');
}

/** The title index's bucket files, each fetched once. */
const titleBuckets = new Map();

/**
 * What the title index says of a pair of title words: `n` (titles with it, per shard key) and `top` (the
 * newest of them, newest first, as Pagefind results: `id`, `data()`). Null when there is no title index
 * or its file cannot be read: the page then does without it.
 */
async function titlePair(pair, words) {
  const bucket = titleBucket(pair, titleIndex.buckets);
  if (!titleBuckets.has(bucket)) {
    titleBuckets.set(
      bucket,
      fetch(new URL(`titles/${bucket}.json`, bundle)).then((r) => (r.ok ? r.json() : null), () => null),
    );
  }
  const file = await titleBuckets.get(bucket);
  if (!file) return null;
  const entry = file[pairKey(pair)] ?? { n: {}, top: [] };
  const n = Object.fromEntries(Object.entries(entry.n).map(([shard, count]) => [shardKeys[shard], count]));
  const top = entry.top.map(([shard, id, , group]) => ({ id, shard: shardKeys[shard], data: () => fragmentData(shardKeys[shard], id, group, words) }));
  return { n, top, total: Object.values(entry.n).reduce((a, b) => a + b, 0) };
}

/** A Pagefind file: gzipped JSON behind Pagefind's signature (as Pagefind's own `decompress`). */
async function pagefindJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  const signature = (b) => new TextDecoder().decode(b.subarray(0, 12)) === 'pagefind_dcd';
  if (!signature(bytes)) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  return JSON.parse(new TextDecoder().decode(bytes.subarray(12)));
}

/**
 * A result's data from its fragment file, as Pagefind's `data()` gives it (URL, meta, excerpt). The
 * fetched fragment is kept; the excerpt marks this query's words, so it is made for each query.
 */
const fragments = new Map();
async function fragmentData(shard, id, group, words) {
  const key = `${shard}/${id}`;
  if (!fragments.has(key)) {
    fragments.set(
      key,
      pagefindJson(new URL(`${shard}/fragment/${group ?? id}.pf_fragment`, bundle)).then((file) => (group ? file[id] : file)),
    );
  }
  const fragment = await fragments.get(key);
  return {
    url: `${INDEX_OPTIONS.baseUrl}/${fragment.url}`.replace(/\/+/g, '/'),
    meta: fragment.meta,
    excerpt: titleExcerpt(restoreD(fragment.content, fragment.meta?.[D_BITS_FIELD]), words, INDEX_OPTIONS.excerptLength),
  };
}

/**
 * Which shards have a title with the query's words side by side, from the title index, without a
 * search: for two words, exactly (`n`, per shard key) with the newest such titles (`top`, `complete`
 * when they are all); for more, the shards whose titles have every pair of them (a title may have the
 * pairs apart: a superset, `exact` false). Null for one word, or without a title index.
 */
async function titleShards(plan) {
  if (!titleIndex || plan.words.length < 2) return null;
  const pairs = await Promise.all(wordPairs(plan.words).map((pair) => titlePair(pair, plan.words)));
  if (pairs.some((p) => p === null)) return null;
  if (pairs.length === 1) {
    const [{ n, top, total }] = pairs;
    return { n, top, exact: true, complete: top.length === total };
  }
  const n = Object.fromEntries(
    Object.keys(pairs[0].n)
      .filter((shard) => pairs.every((p) => p.n[shard] > 0))
      .map((shard) => [shard, Math.min(...pairs.map((p) => p.n[shard]))]),
  );
  return { n, top: null, exact: false, complete: false };
}

/**
 * The first results, from the newest shard and the newest of the added articles (`newestResults`), when
 * the older shards cannot put anything before them: sorted newest first (every older shard's articles
 * are older), or by relevance, the articles whose title has the query's words side by side, newest
 * first (an older shard's are older). Else none: the page says it is still searching rather than show
 * weak matches as the answer.
 */
async function firstResults(plan, filters, direction) {
  if (direction === 'desc' || !plan) {
    const required = plan ? await Promise.all(plan.required.map((t) => newest.search(t, { filters }).then(ids))) : [];
    return newestResults(plan ? plan.term : null, filters, (results) => keepResults(results, required));
  }
  // The title index knows, for the whole archive, which shards' titles have the words side by side
  // (ignoring the reader's filters, so only without them).
  const titles = Object.keys(filters).length === 0 ? await titleShards(plan) : null;
  if (titles) {
    const shards = Object.keys(titles.n);
    // No title anywhere: the newest articles whose text has the phrase come first.
    if (shards.length === 0) return newestResults(plan.phrase, filters);
    // Two words: the newest titles, from their fragments; no index chunk is loaded for them.
    if (titles.top) return inOrder(titles.top);
    // An older shard's title may come first: wait for the whole archive.
    if (!titles.n[shardKeys[0]] && !titles.n[ADDED_SHARD]) return inOrder([]);
  }
  // The title search alone: its index chunks are the title twins' (`"luzq doanzq"`), and each result's
  // excerpt opens on its title, where the phrase is.
  return newestResults(plan.titlePhrase, filters);
}

/**
 * Results for `current` (`planQuery`): first those with the words side by side (`phrase`), their title's
 * first, each newest first; then the other articles with every word (a finished word matching itself,
 * the last as a prefix) by Pagefind's relevance. Sorted by date: every match by date. Unless `whole`,
 * first the newest shard's results that no older shard can precede (`partial`).
 */
async function find(current, whole) {
  const plan = planQuery(current.q);
  const filters = { ...current.filters };
  const direction = SORTS[current.sort] ?? (plan ? null : 'desc');
  if (!whole && direction !== 'asc' && shardKeys.length > 1) {
    return { results: await firstResults(plan, filters, direction), partial: true };
  }
  const index = await wholeArchive();
  if (!plan) {
    const all = await index.search(null, { filters });
    return { results: await byDate(index, null, filters, direction), counts: all.filters };
  }
  const [all, phrase, required] = await Promise.all([
    index.search(plan.exactOnly ? plan.phrase : plan.term, { filters }),
    index.search(plan.phrase, { filters }),
    Promise.all(plan.required.map((t) => index.search(t, { filters }).then(ids))),
  ]);
  if (direction) {
    const term = plan.exactOnly ? plan.phrase : plan.term;
    const keep = (r) => keepResults(r, required);
    return { results: await byDate(index, term, filters, direction, { keep, perShard: all.filters?.shard }), counts: all.filters };
  }
  const inPhrase = ids(phrase);
  // The title index, without filters: for two words the newest titles, as the first results showed
  // them, and every shard's count; the Pagefind title search (the title twins' index chunks on every
  // shard) only when the reader goes past the titles it lists, or never when it lists them all or no
  // title has the words.
  const known = Object.keys(filters).length === 0 ? await titleShards(plan) : null;
  const top = known?.top ?? [];
  const noTitle = known !== null && Object.keys(known.n).length === 0;
  const after = (title) => titlesThenTexts(index, plan, filters, phrase, known, title);
  const more =
    known?.exact && !known.complete
      ? later(phrase.results.length - top.length, async () => after(await index.search(plan.titlePhrase, { filters })))
      : await after(known?.complete || noTitle ? null : await index.search(plan.titlePhrase, { filters }));
  const rest = plan.exactOnly ? [] : keepResults(all.results, required, [inPhrase]);
  return { results: chain([inOrder(top), more, inOrder(rest)]), counts: all.filters };
}

/**
 * After the titles the title index lists (`known.top`), the other titles with the phrase, then the
 * other articles with it, each newest first. `title` is Pagefind's title search (null: the index
 * lists every title, or there is none).
 */
async function titlesThenTexts(index, plan, filters, phrase, known, title) {
  const top = known?.top ?? [];
  const inTitle = title ? ids(title) : new Set(top.map((r) => r.id));
  const notTitle = (r) => keepResults(r, [], [inTitle]);
  const listed = new Set(top.map((r) => r.id));
  const notListed = (r) => keepResults(r, [], [listed]);
  // Each shard's titles not listed by the index.
  const inTitles = { ...(title?.filters?.shard ?? {}) };
  if (title) for (const r of top) inTitles[r.shard] -= 1;
  const titlesIn = (k) => title?.filters?.shard?.[k] ?? (known?.complete ? (known.n[k] ?? 0) : 0);
  const inTexts = Object.fromEntries(Object.entries(phrase.filters?.shard ?? {}).map(([k, n]) => [k, n - titlesIn(k)]));
  // Titles by the title search, as the first results were: the same order, ties included. Every title
  // with the phrase has it in its text too: a shard's other phrase results are its count less its titles'.
  const [titled, untitled] = inTitles[ADDED_SHARD] || inTexts[ADDED_SHARD]
    ? await Promise.all([
        byDate(index, plan.titlePhrase, filters, 'desc', { keep: notListed, perShard: inTitles }),
        byDate(index, plan.phrase, filters, 'desc', { keep: notTitle, perShard: phrase.filters?.shard }),
      ])
    : [newestFirst(index, plan.titlePhrase, filters, inTitles, notListed), newestFirst(index, plan.phrase, filters, inTexts, notTitle)];
  return chain([titled, untitled]);
}

/** Pagefind's excerpt is text with `<mark>` and escaped `<`/`>`: rebuilt as nodes, nothing else. */
function excerptNodes(excerpt) {
  const fragment = document.createDocumentFragment();
  let mark = null;
  for (const part of unfoldExcerpt(excerpt).split(/(<\/?mark>)/)) {
    if (part === '<mark>') mark = document.createElement('mark');
    else if (part === '</mark>') {
      if (mark) fragment.append(mark);
      mark = null;
    } else if (part) {
      const text = document.createTextNode(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
      (mark ?? fragment).append(text);
    }
  }
  if (mark) fragment.append(mark);
  return fragment;
}

function resultItem(data) {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'search-result__meta';
  const date = data.meta.date ?? data.meta.estimated;
  const time = document.createElement(date ? 'time' : 'span');
  if (date) time.dateTime = date;
  time.textContent = formatDate(date);
  if (data.meta.estimated && !data.meta.date) {
    const estimated = document.createElement('span');
    estimated.className = 'estimated';
    estimated.append(STRINGS.estimatedAbout, time, STRINGS.estimatedMark);
    meta.append(estimated);
  } else meta.append(time);
  if (data.meta.units) meta.append(` · ${data.meta.units}`);
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(excerptNodes(realExcerpt(data)));
  item.append(heading, meta, excerpt);
  return item;
}

/** Shows the next `count` results, in place of those on screen when `replace`. */
async function showMore(thisRun, focusFirst, { replace = false, count = PAGE_SIZE } = {}) {
  const datas = await pending.take(count);
  if (thisRun !== run) return;
  const items = datas.map(resultItem);
  if (replace) list.replaceChildren(...items);
  else list.append(...items);
  more.hidden = pending.left() === 0;
  if (focusFirst && items[0]) items[0].querySelector('a').focus();
}

function fillFilterOptions(select, values, counts, chosen) {
  const name = select.dataset.filter;
  const keys = Object.keys(values).sort((a, b) =>
    name === 'year' ? collator.compare(b, a) : collator.compare(a, b),
  );
  if (chosen && !keys.includes(chosen)) keys.unshift(chosen);
  const options = [new Option(STRINGS.all, '')];
  for (const key of keys) {
    const count = counts?.[name]?.[key] ?? 0;
    options.push(new Option(`${key} (${count})`, key, false, key === chosen));
  }
  select.replaceChildren(...options);
  select.value = chosen ?? '';
}

/** Puts `state` into the controls; the query box too unless `keepQuery` (what the reader is typing). */
function syncControls({ keepQuery = false } = {}) {
  if (!keepQuery && input.value !== state.q) input.value = state.q;
  sortSelect.value = state.sort;
  for (const select of filterSelects) {
    const chosen = state.filters[select.dataset.filter] ?? '';
    if (![...select.options].some((o) => o.value === chosen)) {
      select.append(new Option(chosen, chosen));
    }
    select.value = chosen;
  }
}

/**
 * Every value of every filter, with counts over the whole archive. Loaded on demand, when the reader
 * reaches the filters or arrives with one chosen: all filter chunks of all shards are ~110 KB at
 * 10,000 articles, more than the index chunks of a typical query.
 */
let allFilters = null;

let filtersLoading = null;

function loadFilters() {
  filtersLoading ??= (async () => {
    const index = await wholeArchive();
    allFilters = await index.filters();
    // Folded as every search is (`planQuery`): the index has `d` for `đ`, so `đoàn` itself finds nothing.
    const plan = planQuery(state.q);
    const term = plan ? (plan.exactOnly ? plan.phrase : plan.term) : null;
    const searched = term || Object.keys(state.filters).length > 0;
    fillAllFilterOptions(searched ? (await index.search(term, { filters: { ...state.filters } })).filters : allFilters);
  })();
  return filtersLoading;
}

function fillAllFilterOptions(counts) {
  for (const select of filterSelects) {
    const name = select.dataset.filter;
    fillFilterOptions(select, allFilters?.[name] ?? {}, allFilters ? counts : {}, state.filters[name]);
  }
}

/**
 * Searches for `state`: the newest shard's first results (`firstResults`), then the whole archive's,
 * which go on after them: what the reader sees is never replaced under them. `keepShown` results are
 * shown (again) at least; the first `after` of them on screen are already the whole archive's first.
 */
async function search(keepShown = 0, whole = false, after = 0) {
  const thisRun = ++run;
  const term = searchTerm(state.q);
  const hasFilters = Object.keys(state.filters).length > 0;
  if (!term && !hasFilters) {
    list.replaceChildren();
    more.hidden = true;
    root.removeAttribute('aria-busy');
    status.textContent = STRINGS.prompt;
    root.dataset.searched = root.dataset.shown = '';
    fillAllFilterOptions(allFilters ?? {});
    return;
  }
  root.setAttribute('aria-busy', 'true');
  // The previous results stay on screen until these replace them.
  const found = await find(state, whole);
  if (thisRun !== run) return;
  // Counts of the newest shard alone would mislead: the filters wait for the whole archive's.
  if (!found.partial) fillAllFilterOptions(found.counts);
  pending = found.results;
  const count = found.results.total;
  if (after > 0) {
    await pending.skip(after);
    await showMore(thisRun, false, { count: Math.max(PAGE_SIZE, keepShown) - after });
  } else {
    await showMore(thisRun, false, { replace: true, count: Math.max(PAGE_SIZE, keepShown) });
  }
  if (thisRun !== run) return;
  const shown = list.children.length;
  const said = term ? STRINGS.results(count, term) : STRINGS.filtered(count);
  const searching = term ? STRINGS.firstResults(shown, term) : said + STRINGS.searchingOlder;
  if (found.partial) {
    status.textContent = shown > 0 ? searching : STRINGS.searchingAll(term || '…');
    // Nothing more until the whole archive has answered: what follows may come from any year.
    more.hidden = true;
  } else {
    status.textContent = count === 0 ? STRINGS.noResults(term || '…') : said;
  }
  // For tests and the benchmark: what was searched, once its first results are on screen (`shown`)
  // and once the whole archive's are (`searched`).
  if (shown > 0 || !found.partial) root.dataset.shown = writeState(state);
  if (found.partial) {
    await wholeArchive();
    if (thisRun === run) await search(Math.max(keepShown, shown), true, shown);
    return;
  }
  root.removeAttribute('aria-busy');
  root.dataset.searched = writeState(state);
}

/** Records the state in the URL: `push` for a deliberate step (Enter, a filter), else replace. */
function commit(push) {
  const url = `${location.pathname}${writeState(state)}`;
  if (url !== `${location.pathname}${location.search}`) {
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
  if (newest) void search().catch(fail);
}

function fail(error) {
  console.error(error);
  root.removeAttribute('aria-busy');
  status.textContent = STRINGS.loadFailed;
}

function typed() {
  clearTimeout(timer);
  const q = input.value.normalize('NFC');
  // The words before the last space are finished: their index chunks load while the reader types the
  // next one. Not the word being typed: its prefix pulls the chunks of every word it starts (measured: a
  // three-letter prefix cost `quan khu` 30 KB more and no time).
  // By relevance, the first results are the titles' (`firstResults`): their words' title twins, for
  // three words or more; a query of two is answered by the title index (no index chunk).
  const finished = planQuery(q.slice(0, q.search(/\s\S*$/) + 1));
  const twoWords = titleIndex && finished?.words.length === 1;
  const words = finished && (SORTS[state.sort] ? finished.term : twoWords ? null : finished.titlePhrase);
  if (newest && words) void newest.preload(words).catch(() => {});
  timer = setTimeout(() => {
    state = { ...state, q };
    commit(false);
  }, TYPING_PAUSE_MS);
}

// Vietnamese input methods (Telex, VNI) compose a syllable over several keystrokes: `dd` → `đ`,
// `a` + `s` → `á`. Nothing is searched until the composition ends.
input.addEventListener('compositionstart', () => {
  composing = true;
  clearTimeout(timer);
});
input.addEventListener('compositionend', () => {
  composing = false;
  typed();
});
input.addEventListener('input', (event) => {
  if (composing || event.isComposing) return;
  typed();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  state = { ...state, q: input.value.normalize('NFC') };
  commit(true);
});

sortSelect.addEventListener('change', () => {
  state = { ...state, sort: sortSelect.value };
  commit(true);
});

for (const select of filterSelects) {
  select.addEventListener('change', () => {
    const filters = { ...state.filters };
    if (select.value) filters[select.dataset.filter] = select.value;
    else delete filters[select.dataset.filter];
    state = { ...state, filters };
    commit(true);
  });
}

more.addEventListener('click', () => void showMore(run, true).catch(fail));

window.addEventListener('popstate', () => {
  clearTimeout(timer);
  state = readState(location.search);
  syncControls();
  if (newest) void search().catch(fail);
});

async function start() {
  root.querySelector('[data-search-ui]').hidden = false;
  syncControls();
  status.textContent = STRINGS.loading;
  await openIndex();
  if (Object.keys(state.filters).length) await loadFilters();
  const options = form.querySelector('[data-search-ui]');
  options.addEventListener('focusin', () => void loadFilters().catch(fail));
  options.addEventListener('pointerdown', () => void loadFilters().catch(fail));
  // A reader who typed while the index loaded keeps the text: its search follows the typing pause.
  syncControls({ keepQuery: true });
  await search();
}

start().catch(fail);
