import { expect, test } from 'vitest';
import { canonicalizeUrl } from '../../../src/lib/url.js';

test.each([
  ['http://www.heise.de/developer/meldung/Facebook-3086857.html?wt_mc=rss.developer.beitrag.atom', 'http://www.heise.de/developer/meldung/Facebook-3086857.html'],
  ['https://news.example/a?wt_zmc=nl.int.zonaudev&id=7', 'https://news.example/a?id=7'],
  ['https://news.example/a?at_medium=rss&at_campaign=feed&xtor=RSS-1', 'https://news.example/a'],
  ['https://news.example/a?cmpid=rss&ncid=x&sr_share=twitter&ref_src=twsrc', 'https://news.example/a'],
  ['https://news.example/a?utm_source=rss&icid=hp&smid=tw-share&page=2', 'https://news.example/a?page=2'],
  ['https://news.example/a?at=1&ref=home&wt=3', 'https://news.example/a?at=1&ref=home&wt=3'],
])('canonicalizeUrl(%s) keeps no tracking parameter', (url, expected) => {
  expect(canonicalizeUrl(url)).toBe(expected);
});
