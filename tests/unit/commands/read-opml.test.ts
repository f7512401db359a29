import { describe, expect, test } from 'vitest';
import { readOpml } from '../../../src/commands/read-opml.js';

describe('readOpml', () => {
  test('reads nested outlines with names, URLs and category hints, nearest first', () => {
    const opml = `\ufeff<?xml version="1.0"?>
      <opml version="2.0"><head><title>x</title></head><body>
        <outline text="News">
          <outline title="AI &amp; ML">
            <outline type="rss" text="  Deep   Mind  " xmlUrl=" https://dm.example/rss " htmlUrl="https://dm.example/"/>
          </outline>
        </outline>
        <outline type="rss" title="Only title" XMLURL="https://t.example/feed" category="/Tech/Work, Daily"/>
        <outline text="Folder without feeds"><outline text="Empty"/></outline>
        <outline type="rss" xmlUrl="https://nameless.example/feed"/>
      </body></opml>`;
    expect(readOpml(opml)).toEqual([
      {
        name: 'Deep Mind',
        xmlUrl: 'https://dm.example/rss',
        htmlUrl: 'https://dm.example/',
        categoryHints: ['AI & ML', 'News'],
      },
      {
        name: 'Only title',
        xmlUrl: 'https://t.example/feed',
        htmlUrl: undefined,
        categoryHints: ['Work', 'Tech', 'Daily'],
      },
      { name: '', xmlUrl: 'https://nameless.example/feed', htmlUrl: undefined, categoryHints: [] },
    ]);
  });

  test('takes OPML 1.0 outlines placed without a body', () => {
    expect(readOpml('<opml version="1.0"><outline text="A" xmlUrl="https://a.example/"/></opml>')).toEqual([
      { name: 'A', xmlUrl: 'https://a.example/', htmlUrl: undefined, categoryHints: [] },
    ]);
  });

  test.each(['', '<rss version="2.0"><channel/></rss>', 'not xml at all'])('refuses %j as not OPML', (text) => {
    expect(() => readOpml(text)).toThrow(/Not an OPML document/);
  });
});
