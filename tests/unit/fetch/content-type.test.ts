import { describe, expect, test } from 'vitest';
import { bytesOpenLikeHtml, isHtmlMediaType, parseMediaType } from '../../../src/fetch/content-type.js';
import { buildRequestHeaders, buildUserAgent } from '../../../src/fetch/request-headers.js';

describe('parseMediaType', () => {
  test.each([
    ['Text/HTML; charset=UTF-8', 'text/html'],
    ['application/rss+xml', 'application/rss+xml'],
    ['  ', undefined],
    [undefined, undefined],
  ])('%j → %s', (value, expected) => {
    expect(parseMediaType(value)).toBe(expected);
  });

  test('HTML and XHTML are pages, nothing else', () => {
    expect(isHtmlMediaType('text/html')).toBe(true);
    expect(isHtmlMediaType('application/xhtml+xml')).toBe(true);
    expect(isHtmlMediaType('application/pdf')).toBe(false);
    expect(isHtmlMediaType('text/plain')).toBe(false);
  });
});

describe('bytesOpenLikeHtml', () => {
  test.each([
    ['<!DOCTYPE html><html>', true],
    ['\ufeff  <html lang="en">', true],
    ['\n<head><title>x</title>', true],
    ['<!-- comment --><div>', true],
    ['<p>text</p>', true],
    ['<?xml version="1.0"?><rss>', false],
    ['%PDF-1.7', false],
    ['<bogus>', false],
    ['plain words', false],
  ])('%j → %s', (text, expected) => {
    expect(bytesOpenLikeHtml(Buffer.from(text))).toBe(expected);
  });
});

describe('request headers', () => {
  test('the User-Agent names feedwright and the site, and stays sendable', () => {
    expect(buildUserAgent(undefined, { title: 'AIVibe', url: 'https://aivibe.example' })).toBe(
      'feedwright/0.1.0 (+https://aivibe.example; AIVibe)',
    );
    expect(buildUserAgent(undefined, { title: 'AI — Vibe', url: 'https://x.example' })).toBe(
      'feedwright/0.1.0 (+https://x.example; AI Vibe)',
    );
    expect(buildUserAgent('mine/1', { title: 'AIVibe', url: 'https://aivibe.example' })).toBe('mine/1');
  });

  test('validators become conditional headers only when given', () => {
    const bare = buildRequestHeaders('ua', { kind: 'page' });
    expect(bare).not.toHaveProperty('if-none-match');
    expect(bare.accept).toContain('text/html');
    const conditional = buildRequestHeaders('ua', {
      kind: 'feed',
      etag: 'W/"1"',
      lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT',
    });
    expect(conditional['if-none-match']).toBe('W/"1"');
    expect(conditional['if-modified-since']).toBe('Tue, 01 Apr 2025 10:00:00 GMT');
  });
});
