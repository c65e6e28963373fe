// Durations written in words of the languages parity reads status and channel words in (German,
// French, Spanish, Portuguese, Dutch, Italian), abbreviations with a period (`Std.`, `Min.`),
// accented words (`día`), a decimal comma (`1,5 Stunden`); and the values of that shape that are
// refused on their row, saying why: a unit given twice (`1h 1h`, found by an attack: read as 2h),
// a smaller unit before a larger (`30m 1h`), a number that is a thousands group in one language
// and a decimal in another (`1,500 Minuten`). Seconds worked by hand in the comments.
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { DURATION_UNITS_READ, unreadDuration, wordedDuration } from '../../src/measure/duration.js';
import { parseDurationValue } from '../../src/normalise/rows.js';
import { durationHeader } from '../../src/formats/durationHeader.js';
import { resolveSettings } from '../../src/commands/options.js';
import { audit } from '../../src/pipeline.js';
import { auditFiles } from '../helpers/audit.js';
import { tempCsv } from '../helpers/exec.js';
import type { Report } from '../../src/report.js';
import type { ReadOptions } from '../../src/read/source.js';
import type { WorkerUse } from '../../src/threads.js';
import { bindFourthColumn } from '../helpers/bindColumn.js';

const HOUR = 3600;
const DAY = 86_400;

describe('unit words of each language', () => {
  test('German, with abbreviations that end in a period', () => {
    // 1 × 3,600 + 30 × 60 = 5,400
    expect(wordedDuration('1 Stunde 30 Minuten')).toBe(5400);
    expect(wordedDuration('2 Std.')).toBe(2 * HOUR);
    expect(wordedDuration('2 Stdn.')).toBe(2 * HOUR);
    expect(wordedDuration('30 Min.')).toBe(1800);
    expect(wordedDuration('3 Tage')).toBe(3 * DAY);
    expect(wordedDuration('1 Tag 4 Stunden')).toBe(DAY + 4 * HOUR);
    expect(wordedDuration('2 Tagen')).toBe(2 * DAY);
    expect(wordedDuration('1 Woche 2 Tage')).toBe(7 * DAY + 2 * DAY);
    expect(wordedDuration('2 Wo.')).toBe(14 * DAY);
    expect(wordedDuration('45 Sek.')).toBe(45);
    expect(wordedDuration('1 Minute 5 Sekunden')).toBe(65);
    // 2 × 3,600 + 30 × 60 = 9,000
    expect(wordedDuration('2 Std. 30 Min.')).toBe(9000);
    expect(wordedDuration('2 Std.30 Min.')).toBe(9000);
  });

  test('French', () => {
    // 2 × 3,600 + 15 × 60 = 8,100
    expect(wordedDuration('2 heures 15 minutes')).toBe(8100);
    expect(wordedDuration('1 heure')).toBe(HOUR);
    expect(wordedDuration('1 jour')).toBe(DAY);
    expect(wordedDuration('3 jours 2 h')).toBe(3 * DAY + 2 * HOUR);
    expect(wordedDuration('2 j 3 h')).toBe(2 * DAY + 3 * HOUR);
    expect(wordedDuration('45 mn')).toBe(2700);
    expect(wordedDuration('10 secondes')).toBe(10);
    expect(wordedDuration('1 semaine')).toBe(7 * DAY);
  });

  test('Spanish and Portuguese, accented or not', () => {
    expect(wordedDuration('2 horas')).toBe(2 * HOUR);
    expect(wordedDuration('1 día')).toBe(DAY);
    expect(wordedDuration('3 días')).toBe(3 * DAY);
    expect(wordedDuration('1 Día 2 Horas')).toBe(DAY + 2 * HOUR);
    expect(wordedDuration('2 dias')).toBe(2 * DAY);
    expect(wordedDuration('45 minutos')).toBe(2700);
    expect(wordedDuration('30 seg')).toBe(30);
    expect(wordedDuration('30 segundos')).toBe(30);
    expect(wordedDuration('2 semanas')).toBe(14 * DAY);
    // `í` written as `i` and a combining acute accent (NFD): the same word
    expect(wordedDuration('1 di\u0301a')).toBe(DAY);
  });

  test('Dutch', () => {
    expect(wordedDuration('3 uur')).toBe(3 * HOUR);
    expect(wordedDuration('2 uren')).toBe(2 * HOUR);
    expect(wordedDuration('3 u 15 min')).toBe(3 * HOUR + 900);
    expect(wordedDuration('2 dagen')).toBe(2 * DAY);
    expect(wordedDuration('1 dag')).toBe(DAY);
    expect(wordedDuration('10 minuten')).toBe(600);
    expect(wordedDuration('1 minuut')).toBe(60);
    expect(wordedDuration('20 seconden')).toBe(20);
    expect(wordedDuration('2 weken')).toBe(14 * DAY);
  });

  test('Italian', () => {
    expect(wordedDuration('1 ora')).toBe(HOUR);
    expect(wordedDuration('3 ore 20 minuti')).toBe(3 * HOUR + 1200);
    expect(wordedDuration('2 giorni')).toBe(2 * DAY);
    expect(wordedDuration('1 giorno')).toBe(DAY);
    expect(wordedDuration('5 gg')).toBe(5 * DAY);
    expect(wordedDuration('30 secondi')).toBe(30);
    expect(wordedDuration('1 settimana')).toBe(7 * DAY);
  });

  test('English as before, and words of two languages in one value', () => {
    expect(wordedDuration('2h 30m')).toBe(9000);
    expect(wordedDuration('1 hour, 30 minutes')).toBe(5400);
    expect(wordedDuration('1d, 3h')).toBe(97_200);
    expect(wordedDuration('2 hrs. 5 mins.')).toBe(2 * HOUR + 300);
    expect(wordedDuration('2 h 15 min')).toBe(8100);
    expect(wordedDuration('1 Stunde 30 min')).toBe(5400);
    expect(wordedDuration('-2 Std. 15 Min.')).toBe(-8100);
  });

  test('a decimal point or comma, read by itself', () => {
    // 1.5 × 3,600 = 5,400; 2.25 × 60 = 135; 0.125 × 86,400 = 10,800
    expect(wordedDuration('1,5 Stunden')).toBe(5400);
    expect(wordedDuration('1.5h')).toBe(5400);
    expect(wordedDuration('2,25 Min.')).toBe(135);
    expect(wordedDuration('0,125 jours')).toBe(10_800);
    // the comma between parts is no decimal comma
    expect(wordedDuration('1 Stunde, 30 Minuten')).toBe(5400);
    expect(wordedDuration('1h,30m')).toBe(5400);
  });

  test('through a duration column, whatever its unit (the path rows.ts and fields.ts take)', () => {
    expect(parseDurationValue('1 Stunde 30 Minuten', 'minutes')).toBe(5400);
    expect(parseDurationValue('2 heures 15 minutes', 'hours')).toBe(8100);
    expect(parseDurationValue('1 día', 'seconds')).toBe(DAY);
    expect(parseDurationValue('1h 1h', 'seconds')).toBeNull();
    expect(parseDurationValue('1,500 Minuten', 'seconds')).toBeNull();
  });
});

describe('no word is read as another unit', () => {
  test('months and milliseconds are no unit, in any of the languages', () => {
    for (const text of ['2 mo', '1 month', '3 months', '1 Monat', '2 mois', '1 mes', '1 mês', '2 meses', '1 maand', '1 mese', '500ms', '2 Stunde30']) {
      expect(wordedDuration(text), text).not.toBeTypeOf('number');
    }
    expect(unreadDuration('2 mo')).toBe(`"mo" is no unit parity reads (it reads ${DURATION_UNITS_READ})`);
    expect(unreadDuration('1 mês')).toBe(`"mês" is no unit parity reads (it reads ${DURATION_UNITS_READ})`);
    // a period after a word that is no unit: the word is named without it
    expect(unreadDuration('5 fortn.')).toBe(`"fortn" is no unit parity reads (it reads ${DURATION_UNITS_READ})`);
  });

  test('every unit word a duration header reads is the same unit in a value', () => {
    // formats/durationHeader.ts UNIT_WORDS, but milliseconds (a header's unit only)
    const header: Record<string, string[]> = {
      seconds: ['s', 'sec', 'secs', 'second', 'seconds', 'sek', 'sekunde', 'sekunden', 'seconde', 'secondes', 'seconden', 'seg', 'segundo', 'segundos', 'secondi'],
      minutes: ['m', 'min', 'mins', 'minute', 'minutes', 'minuten', 'minuto', 'minutos', 'minuti'],
      hours: ['h', 'hr', 'hrs', 'hour', 'hours', 'std', 'stunde', 'stunden', 'heure', 'heures', 'hora', 'horas', 'uur', 'uren', 'ore'],
      days: ['d', 'day', 'days', 'tage', 'tagen', 'jour', 'jours', 'dia', 'dias', 'dag', 'dagen', 'giorni'],
    };
    const seconds: Record<string, number> = { seconds: 1, minutes: 60, hours: HOUR, days: DAY };
    for (const [unit, words] of Object.entries(header)) {
      for (const word of words) {
        expect(durationHeader(`Resolution time (${word})`)?.unit, word).toBe(unit);
        expect(wordedDuration(`2 ${word}`), word).toBe(2 * (seconds[unit] as number));
      }
    }
  });
});

describe('refused on its row, saying why', () => {
  test('a unit given twice is not summed', () => {
    for (const text of ['1h1h', '1h 1h', '1 h, 1 h', '2h 30m 15m', '1 Stunde 1 Std.', '2 jours 1 j', '1d 2h 3h']) {
      expect(wordedDuration(text), text).toBeNull();
    }
    expect(unreadDuration('1h 1h')).toBe('hours are given twice ("1h", "1h"): a duration gives each unit once, larger first (2h 30m)');
    expect(unreadDuration('2h 30m 15m')).toBe('minutes are given twice ("30m", "15m"): a duration gives each unit once, larger first (2h 30m)');
    expect(unreadDuration('1 Stunde 1 Std.')).toBe('hours are given twice ("1 Stunde", "1 Std."): a duration gives each unit once, larger first (2h 30m)');
  });

  test('a smaller unit before a larger is not reordered', () => {
    for (const text of ['30m 1h', '30m1h', '15 Minuten 2 Stunden', '1h 2d', '10s 1m']) expect(wordedDuration(text), text).toBeNull();
    expect(unreadDuration('30m 1h')).toBe('hours ("1h") come after minutes ("30m"): a duration gives each unit once, larger first (2h 30m)');
  });

  test('one to three digits, a mark and three digits: 1500 or 1.5, not guessed', () => {
    for (const text of ['1,500 Minuten', '1.500 mins', '2,000 h', '12.250 Std.']) expect(wordedDuration(text), text).toBeNull();
    expect(unreadDuration('1,500 Minuten')).toBe('"1,500" may be 1500 or 1.5 (a thousands group in some languages, a decimal in others)');
    // (a leading 0 or four digits before the mark: a decimal, as decimal.ts reads one value)
    expect(wordedDuration('0,500 Stunden')).toBe(1800);
    expect(wordedDuration('1500 Minuten')).toBe(90_000);
  });

  test('a value that reads has no reason, nor one of no worded shape', () => {
    expect(unreadDuration('2 Std.')).toBeNull();
    expect(unreadDuration('90')).toBeNull();
    expect(unreadDuration('pending')).toBeNull();
  });
});

const bind = bindFourthColumn;

describe('a column of durations in words', () => {
  test('is a duration column whose values say their units, under a German name or a timestamp-like one', () => {
    const german = bind('Erste Antwortzeit', ['1 Stunde 30 Minuten', '2 Std.', '45 Min.', '1h 1h']);
    expect(german.bindings.firstResponseTime).toMatchObject({ header: 'Erste Antwortzeit', unit: 'seconds', unitsWritten: true });
    expect(german.bindings.firstResponseTime?.unitAssumed).toBeUndefined();
    const spanish = bind('first_response_time', ['1 día', '2 horas', '30 minutos']);
    expect(spanish.bindings.firstResponseAt).toBeUndefined();
    expect(spanish.bindings.firstResponseTime).toMatchObject({ unit: 'seconds', unitsWritten: true });
  });

  test('the audit reads them and leaves out a repeated unit on its row, naming line, value and why', async () => {
    const file = tempCsv('words.csv', [
      'ticket_id,channel,created_at,first_response_time',
      'T1,phone,2026-11-03T10:00:00Z,1 Stunde 30 Minuten',
      'T2,phone,2026-11-03T10:00:00Z,2 Std.',
      'T3,phone,2026-11-03T10:00:00Z,1h 1h',
      'T4,phone,2026-11-03T10:00:00Z,45 Min.',
      'T5,phone,2026-11-03T10:00:00Z,30m 1h',
    ]);
    const report = await auditFiles([file], {}, {});
    const phone = report.channels.find((c) => c.channel === 'phone');
    // 45 Min. = 2,700 s, 1 Stunde 30 Minuten = 5,400 s, 2 Std. = 7,200 s measured: median 5,400
    expect(phone?.firstResponse.n).toBe(3);
    expect(phone?.firstResponse.median).toBe(5400);
    expect(report.input.rowsUsed).toBe(5);
    expect(report.input.dataQuality.find((q) => q.kind === 'bad-first-response')).toMatchObject({
      count: 2,
      example: { line: 4, column: 'first_response_time', value: '1h 1h', detail: 'cannot read "1h 1h": hours are given twice ("1h", "1h"): a duration gives each unit once, larger first (2h 30m); left out of first response' },
    });
  });
});

describe('past the first megabyte (the byte reader, csv-parse, the reading worker)', () => {
  // FILLER email tickets answered after `1h`, then phone tickets in words, read from their
  // bytes by normalise/fields.ts (the sample and the rest of the first megabyte go to rows.ts):
  // the ASCII words through its own reading, `1 día` decoded; the refused ones handed to rows.ts
  const FILLER = 32_000;
  const lines = [
    'ticket_id,channel,created_at,first_response_time',
    ...Array.from({ length: FILLER }, (_, k) => `E${k},email,2026-09-01T00:00:00Z,1h`),
    'P1,phone,2026-09-14T09:00:00Z,1 Stunde 40 Minuten',
    'P2,phone,2026-09-14T09:00:00Z,2 Std.',
    'P3,phone,2026-09-14T09:00:00Z,"1,5 Stunden"',
    'P4,phone,2026-09-14T09:00:00Z,1 día',
    'P5,phone,2026-09-14T09:00:00Z,45 Min.',
    'P6,phone,2026-09-14T09:00:00Z,1h 1h',
    'P7,phone,2026-09-14T09:00:00Z,30m 1h',
  ];
  const file = tempCsv('large-words.csv', lines);

  async function auditOf(read: { reader?: ReadOptions['reader']; workers?: WorkerUse }): Promise<Report> {
    const settings = { ...resolveSettings([file], { asOf: '2026-09-20T00:00:00Z' }, { minSample: 1 }, 'test'), generatedAt: null };
    return audit(settings, { stdin: Readable.from([]), ...read });
  }

  for (const [name, read] of [['the byte reader', {}], ['csv-parse', { reader: 'csv-parse' as const }], ['the reading worker', { workers: 'always' as const }]] as const) {
    test(`${name}: the medians and the notes by hand`, async () => {
      const report = await auditOf(read);
      expect([report.input.rowsRead, report.input.rowsUsed]).toEqual([FILLER + 7, FILLER + 7]);
      const phone = report.channels.find((c) => c.channel === 'phone');
      // 45 Min. 2,700 · 1,5 Stunden 5,400 · 1 Stunde 40 Minuten 6,000 · 2 Std. 7,200 · 1 día 86,400:
      // the middle of five, 6,000 s; P6 and P7 left out
      expect(phone?.firstResponse.n).toBe(5);
      expect(phone?.firstResponse.median).toBe(6000);
      expect(report.channels.find((c) => c.channel === 'email')?.firstResponse.median).toBe(HOUR);
      // P6 is on line FILLER + 7 (the header, the filler, P1–P5 before it)
      expect(report.input.dataQuality.find((q) => q.kind === 'bad-first-response')).toMatchObject({ count: 2, example: { line: FILLER + 7, value: '1h 1h' } });
    });
  }
});
