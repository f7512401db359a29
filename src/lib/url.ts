// URL helpers used at every boundary: absolutize, canonicalize (tracking parameters out),
// and redact credentials before a URL reaches a log line or an error message.

const TRACKING_PARAMS = [
  /^utm_/i,
  /^mc_(cid|eid)$/i,
  /^(fbclid|gclid|gclsrc|dclid|msclkid|yclid|igshid|twclid|ttclid|wbraid|gbraid)$/i,
  /^(_hsenc|_hsmi|__hssc|__hstc|__hsfp|hsctatracking)$/i,
  /^(mkt_tok|oly_anon_id|oly_enc_id|vero_id|vero_conv|_openstat|rb_clickid|s_cid|ncid|sr_share|guccounter|guce_referrer|guce_referrer_sig)$/i,
  /^(ref_src|ref_url)$/i,
  // Webtrekk (wt_mc, wt_zmc), AT Internet (at_medium, at_campaign, xtor), campaign ids,
  // Google's linker, Facebook and newsletter click ids.
  /^(wt_mc|wt_zmc|wt_cc\d*|wt_ref|wtmc|at_[a-z_]+|xtor|cmpid|cmp_id|icid|ito|smid|_ga|_gl|spm|s_kwcid|soc_src|soc_trk|fb_action_ids|fb_action_types|fb_ref|fb_source|mbid|mkt_src|cm_mmc|cm_ven|cm_cat|cm_pla|cm_ite)$/i,
];

export function isTrackingParam(name: string): boolean {
  return TRACKING_PARAMS.some((pattern) => pattern.test(name));
}

/** Parses `value` against `base`; undefined for anything that is not an http(s) URL. */
export function resolveUrl(value: string | undefined | null, base?: string): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** The canonical form of an article URL: no fragment, no tracking parameters, lowercase host. */
export function canonicalizeUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  url.hash = '';
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  url.search = '';
  for (const [name, param] of kept) url.searchParams.append(name, param);
  return url.href;
}

/** `scheme://user:password@` in free text (an error message, a log value). */
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]*@/gi;

/**
 * The URL without user name or password: the one form of a source URL that leaves the
 * configuration file and the request (logs, errors, state keys, status, OPML, what the
 * CLI prints; issue 13).
 */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (!url.username && !url.password) return value;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return value.replace(USERINFO, '$1');
  }
}

/**
 * `to` with the user name and password of `from` when both are on the same origin and
 * `to` has none: a redirect or a page's feed link on the host the credentials are for.
 */
export function keepCredentials(from: string, to: string): string {
  try {
    const source = new URL(from);
    const target = new URL(to);
    if ((!source.username && !source.password) || target.username || target.password || source.origin !== target.origin)
      return to;
    target.username = source.username;
    target.password = source.password;
    return target.href;
  } catch {
    return to;
  }
}

/** Free text with the credentials of every URL in it removed. */
export function redactCredentials(text: string): string {
  return text.includes('@') ? text.replace(USERINFO, '$1') : text;
}

/** Hostname without a leading `www.`, the key of site rules. */
/** A host name as site rules are keyed: lowercase, without `www.`. */
export function toHostKey(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

export function hostKey(value: string): string {
  try {
    return toHostKey(new URL(value).hostname);
  } catch {
    return '';
  }
}
