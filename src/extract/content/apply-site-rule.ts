// Per-site rules (data from config/site-rules.yaml or a source's own `rule`): the
// content selectors are tried in order and the first that matches text wins (all its
// matches, in document order); then the rule's strip selectors and stripText blocks are
// removed.

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { SiteRule } from '../../config/index.js';
import { hostKey } from '../../lib/url.js';
import type { ExtractionMethod } from '../../types.js';
import { collapseWhitespaceAndZeroWidth } from '../../lib/text.js';
import { stripSelectors } from './clean-content.js';
import { stripByText } from './strip-by-text.js';

export interface ChosenRule {
  rule: SiteRule;
  method: Extract<ExtractionMethod, 'site-rule' | 'source-rule'>;
  /** `source`, or the host key. */
  name: string;
}

/** The source's own rule, else the host table's rule for the final URL's host. */
export function findSiteRule(
  url: string,
  siteRules: Record<string, SiteRule>,
  sourceRule?: SiteRule,
): ChosenRule | undefined {
  if (sourceRule) return { rule: sourceRule, method: 'source-rule', name: 'source' };
  const host = hostKey(url);
  // Own keys only: a host named `constructor` or `__proto__` must not find Object's.
  const rule = host && Object.hasOwn(siteRules, host) ? siteRules[host] : undefined;
  return rule ? { rule, method: 'site-rule', name: host } : undefined;
}

function select($: CheerioAPI, selector: string): Cheerio<Element> | undefined {
  try {
    return $(selector) as Cheerio<Element>;
  } catch {
    return undefined;
  }
}

/** Removes what the rule says to strip (`strip` selectors, `stripText` blocks) under `root`. */
export function stripRuleBlocks($: CheerioAPI, root: Cheerio<Element>, rule: SiteRule): void {
  stripSelectors(root, rule.strip);
  stripByText($, root, rule.stripText ?? []);
}

/** The rule's content moved into a fresh <div>, stripped; undefined when no selector matches text. */
export function applySiteRule($: CheerioAPI, rule: SiteRule): Cheerio<Element> | undefined {
  const selectors = Array.isArray(rule.content) ? rule.content : [rule.content];
  for (const selector of selectors) {
    const matched = select($, selector);
    if (!matched || !collapseWhitespaceAndZeroWidth(matched.text())) continue;
    // Keep outermost matches only, so nested matches are not duplicated.
    const set = new Set<unknown>(matched.toArray());
    const outer = matched.filter((_, element) => {
      for (let parent = element.parent; parent; parent = parent.parent) if (set.has(parent)) return false;
      return true;
    });
    const wrapper = $('<div></div>') as Cheerio<Element>;
    wrapper.append(outer);
    stripRuleBlocks($, wrapper, rule);
    return wrapper;
  }
  return undefined;
}

/** Text (or datetime/content attribute) of a rule's title/date selector. */
export function readRuleField($: CheerioAPI, selector: string | undefined): string | undefined {
  if (!selector) return undefined;
  const element = select($, selector)?.first();
  if (!element || element.length === 0) return undefined;
  const value = element.attr('datetime') ?? element.attr('content') ?? element.text();
  return collapseWhitespaceAndZeroWidth(value) || undefined;
}
