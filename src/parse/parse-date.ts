// Feed dates to ISO 8601 UTC. RFC 822 (RSS) with the broken forms found in the wild
// (no day name, two-digit years, named zones, no seconds, stray commas, US month-first
// order) and ISO 8601 / W3CDTF (Atom, dc:date, JSON Feed). Invalid input gives
// undefined, never a throw and never a guessed "now".

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Named zones, in minutes east of UTC (RFC 822 plus the common ones feeds use). */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ast: -240,
  adt: -180,
  nst: -210,
  ndt: -150,
  bst: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  awst: 480,
  acst: 570,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

const RFC822 =
  /^(\d{1,2})(?:st|nd|rd|th)?[\s.-]+([a-z]{3,9})\.?,?[\s.-]+(\d{2,4}),?(?:\s+|T)?(?:(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(.*)$/i;
const US_ORDER =
  /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(.*)$/i;
const ISO8601 =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** An ISO 8601 UTC string for a feed date, or undefined when it cannot be read. */
export function parseDate(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 80) return undefined;
  return parseIso8601(text) ?? parseRfc822(text);
}

export function parseIso8601(text: string): string | undefined {
  const m = ISO8601.exec(text);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac, zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const offset = parseZone(zone);
  if (offset === undefined) return undefined;
  return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms, offset);
}

export function parseRfc822(text: string): string | undefined {
  const cleaned = text.replace(/^[a-z]{2,9}\.?,?\s*(?=\d|[a-z]{3,9}\.?\s+\d)/i, (dayName) =>
    isMonthName(dayName.replace(/[^a-z]/gi, '')) ? dayName : '',
  );
  const dayFirst = RFC822.exec(cleaned);
  const usOrder = dayFirst ? undefined : US_ORDER.exec(cleaned);
  const m = dayFirst ?? usOrder;
  if (!m) return undefined;
  const [day, monthName] = dayFirst ? [m[1], m[2]] : [m[2], m[1]];
  const month = monthIndex(monthName);
  if (month === undefined) return undefined;
  const offset = parseZone(m[7]?.trim() || undefined);
  if (offset === undefined) return undefined;
  const year = expandYear(m[3]);
  return build(year, month + 1, Number(day), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, offset);
}

function isMonthName(word: string): boolean {
  return monthIndex(word) !== undefined;
}

function monthIndex(name: string): number | undefined {
  const key = name.toLowerCase().slice(0, 3);
  const index = MONTHS.indexOf(key);
  if (index < 0) return undefined;
  const full = name.toLowerCase();
  return full.length === 3 ||
    'january february march april may june july august september october november december sept'
      .split(' ')
      .includes(full)
    ? index
    : undefined;
}

function expandYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (text.length === 3) return 1900 + year;
  return year;
}

/** Minutes east of UTC; undefined for a zone we cannot read. Absent means UTC. */
function parseZone(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const numeric = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return minutes > 14 * 60 ? undefined : numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[zone.replace(/[()]/g, '').toLowerCase()];
  if (named !== undefined) return named;
  // RFC 822 military letters and unknown names: the time is kept, read as UTC.
  return /^[a-z]{1,5}$/i.test(zone) ? 0 : undefined;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offset: number,
): string | undefined {
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  if (h > 24 || mi > 59 || s > 60) return undefined;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCDate() !== d) return undefined;
  const time = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offset * 60_000;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
