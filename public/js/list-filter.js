// Narrows a directory (units on /don-vi/, authors on /tac-gia/) as the reader types. Matching ignores
// case and every diacritic, and `đ` matches `d`, so "su doan 316" finds "Sư đoàn 316". The list works
// fully without this script; the filter box stays hidden until the script runs.
// Markup: a `.list-filter` box (an input, a `.list-filter-status` with `data-empty`), `.filter-group`
// sections of `li[data-filter-name]` items.
const fold = (text) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();

const box = document.querySelector('.list-filter');
const input = box?.querySelector('input');
const status = box?.querySelector('.list-filter-status');
const groups = [...document.querySelectorAll('.filter-group')];

if (box && input && status) {
  const items = groups.flatMap((group) =>
    [...group.querySelectorAll('li[data-filter-name]')].map((li) => ({ group, li, key: fold(li.dataset.filterName ?? '') })),
  );
  const apply = () => {
    const words = fold(input.value).split(' ').filter(Boolean);
    const visible = new Map(groups.map((g) => [g, 0]));
    let shown = 0;
    for (const item of items) {
      const match = words.every((w) => item.key.includes(w));
      item.li.hidden = !match;
      if (match) {
        shown++;
        visible.set(item.group, visible.get(item.group) + 1);
      }
    }
    for (const [group, count] of visible) group.hidden = count === 0;
    status.textContent = shown ? (words.length ? `${shown} / ${items.length}` : '') : status.dataset.empty ?? '';
  };
  box.hidden = false;
  input.addEventListener('input', apply);
  const query = new URLSearchParams(location.search).get('q');
  if (query) {
    input.value = query;
    apply();
  }
}
