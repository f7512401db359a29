import { expect, test } from 'vitest';
import { capMarkdown } from '../../../src/lib/cap-markdown.js';

const NOTE = '_cut_';

test('a text within the cap is returned as it is', () => {
  expect(capMarkdown('One.\n\nTwo.', 100, NOTE)).toEqual({
    markdown: 'One.\n\nTwo.',
    kept: 'One.\n\nTwo.',
    cut: false,
  });
});

test('a longer text is cut at the last blank line before the cap, then the note follows', () => {
  const text = ['First paragraph.', 'Second paragraph.', 'Third paragraph that passes the cap.'].join('\n\n');
  const capped = capMarkdown(text, 40, NOTE);
  expect(capped).toEqual({
    markdown: 'First paragraph.\n\nSecond paragraph.\n\n_cut_',
    kept: 'First paragraph.\n\nSecond paragraph.',
    cut: true,
  });
});

test('never inside fenced code: a blank line in a fence is no boundary', () => {
  const text = `Intro.\n\n\`\`\`\ncode line\n\nmore code that goes on and on\n\`\`\`\n\nAfter.`;
  const capped = capMarkdown(text, 40, NOTE);
  expect(capped.kept).toBe('Intro.');
  expect(capped.markdown.endsWith(NOTE)).toBe(true);
});

test('a huge table (one block) is cut after a row, not dropped whole', () => {
  const rows = Array.from({ length: 200 }, (_, i) => `| ${i} | cell |`).join('\n');
  const text = `Intro.\n\n| n | c |\n| --- | --- |\n${rows}`;
  const capped = capMarkdown(text, 1_000, NOTE);
  expect(capped.kept.length).toBeLessThanOrEqual(1_000);
  expect(capped.kept.length).toBeGreaterThan(500);
  expect(capped.kept.split('\n').at(-1)).toMatch(/^\| \d+ \| cell \|$/);
});
