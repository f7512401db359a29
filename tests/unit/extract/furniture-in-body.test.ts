// Furniture inside the chosen body, known by its words or its shape (issue 12): pointers to
// other stories, whatever the language; the article's own sentences opening the same way stay.

import { describe, expect, test } from 'vitest';
import { extractPage, PARAGRAPH, prose } from './helpers/article-snippets.js';

const extract = (content: string) =>
  extractPage(`<html><body><article>${content}</article></body></html>`, 'https://site.example/a').text;

describe('pointers to other stories', () => {
  test('a label ending in a letter outside ASCII ("Czytaj też:") or a one-word label with a colon ("Mire:") goes with its link', () => {
    const text = extract(
      `${prose(3)}<p><em>Czytaj też: <a href="/a">Wyścig zbrojeń ruszył z kopyta</a></em></p>${prose(2)}` +
        '<h6><strong>Mire: </strong><a href="/b">El cantante da positivo a COVID-19</a></h6>' +
        '<p>Mire usted, said the mayor, before he <a href="/c">read the report</a> aloud.</p>',
    );
    expect(text).not.toMatch(/Czytaj|Wyścig|cantante/);
    expect(text).toContain('Mire usted, said the mayor');
    expect(text).toContain(`1: ${PARAGRAPH}`);
  });

  test('a heading that is only such a label ("Weiterlesen:") takes its short list of links with it', () => {
    const text = extract(
      `${prose(3)}<h2>Weiterlesen:</h2><p><a href="/a">Ein Roadtrip entlang der Route 66</a></p><p><a href="/b">Herbstlicher Ausflug</a></p>` +
        `<h2>Noch mehr?</h2>${prose(2)}`,
    );
    expect(text).not.toMatch(/Weiterlesen|Roadtrip|Herbstlicher/);
    expect(text).toContain('Noch mehr?');
    expect(text).toContain(`1: ${PARAGRAPH}`);
  });
});

describe('date lines', () => {
  test('a date standing among the blocks goes, with its label; a date inside a sentence stays', () => {
    const text = extract(
      `<div><span>Christoph Muster</span></div><time datetime="2020-04-11">Aktualisiert: 11.04.2020, 10:27</time>${prose(3)}` +
        '<p>The law took effect on <time datetime="2020-04-03">3 April 2020</time>, a Friday.</p>' +
        `${prose(2)}<time datetime="2020-04-03">Publiziert: 03.04.2020, 12:35</time><p>Published April 3, 2020</p>`,
    );
    expect(text).not.toMatch(/Aktualisiert|Publiziert|Published/);
    expect(text).toContain('The law took effect on 3 April 2020, a Friday.');
    expect(text).toContain(`1: ${PARAGRAPH}`);
  });

  test.each([
    ['Aktualisiert: 11.04.2020, 10:27', false],
    ['Published April 3, 2020 at 5:30 pm', false],
    ['Montag, 3. April 2020', false],
    ['Updated: 2020-04-03 10:30', false],
    ['The meeting is on April 3, 2020', true],
    ['3 April 2020 was a Friday', true],
  ])('a paragraph %j stays: %s', expectKeptAmidProse);

  test('the linked date closing an embedded post stays', () => {
    const text = extract(
      `${prose(3)}<blockquote><p>Peak Google.</p>— Digital Foundry (@digitalfoundry) <a href="https://twitter.com/x">November 18, 2019</a></blockquote>${prose(2)}`,
    );
    expect(text).toContain('(@digitalfoundry) November 18, 2019');
  });
});

/** A paragraph between runs of prose is kept in the body, or not. */
const expectKeptAmidProse = (line: string, kept: boolean) =>
  expect(extract(`${prose(3)}<p>${line}</p>${prose(2)}`).includes(line)).toBe(kept);

describe('credit and source lines', () => {
  test.each([
    ['Foto: Ingo Pertramer', false],
    ['Crédits photos : Bestimage', false],
    ['Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin', false],
    ['Johannes Thingnes Bø will für Furore sorgen. © AFP / Marco Bertorello', false],
    ['The photo shows the source of the river, where the survey began.', true],
  ])('a paragraph %j stays: %s', expectKeptAmidProse);
});

describe('boxes opened by a label', () => {
  test('the author\'s box under an "Autoren:" label and a newsletter box under its heading go; prose about a newsletter stays', () => {
    const text = extract(
      `${prose(8)}<section><h4>Autoren:</h4><div><div><p>Tilman Weber</p></div></div></section>` +
        '<div><h2>Mit unserem Newsletter bleiben Sie informiert</h2><form><label>E-Mail</label></form></div>' +
        `<p>The newsletter went out to 3,000 readers.</p>${prose(2)}`,
    );
    expect(text).not.toMatch(/Autoren|Tilman|Mit unserem Newsletter|E-Mail/);
    expect(text).toContain('The newsletter went out to 3,000 readers.');
    expect(text).toContain(`1: ${PARAGRAPH}`);
  });
});

describe('calls to act in the site’s own voice', () => {
  test.each([
    ['Subscribe now to our eNATION edition for the full story.', false],
    ['For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.', false],
    ['Puede escribirnos a nuno@example.org o suscribirse aquí a nuestra newsletter.', false],
    ['Zapraszamy też do subskrypcji tygodnika w Sieci Przyjaciół.', false],
    ['Small investors welcomed the deal, subscribing for so many shares they will get the maximum.', true],
    ['You can still sign up for notifications, and prices range from $719 to $904.', true],
  ])('a paragraph %j stays: %s', expectKeptAmidProse);
});

describe('links back', () => {
  test('a link back to the list or up the page goes; a sentence about going back stays', () => {
    const text = extract(
      `${prose(3)}<p>Back in 2019, the council voted twice.</p><p><a class="back" href="/list">zurück</a></p>${prose(2)}<p><a href="#top">↑ Back to top</a> Photo of the council.</p>`,
    );
    expect(text).not.toMatch(/zurück|Back to top/);
    expect(text).toContain('Back in 2019, the council voted twice.');
  });
});
