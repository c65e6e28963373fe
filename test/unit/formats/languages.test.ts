/**
 * Exports whose headers are in German, French, Spanish, Portuguese, Dutch or Italian bind by the
 * generic names of those languages (formats/generic.ts TRANSLATED_SYNONYMS), their duration units
 * included (`(minutos)`, `(uren)`: formats/durationHeader.ts), in-process and through DuckDB
 * alike. One fixture per language (fixtures/languages/), as an agent of that language saves it:
 * its delimiter, its date order, its decimal comma (the engines' query reads ISO times and plain
 * numbers only, so DuckDB is asked where the fixture writes those, and of a German export with
 * ISO times below). Every median worked out by hand below, with
 * the export taken at 2026-10-31 00:00 UTC (each open or unanswered ticket's age is then far past
 * every answer and resolution of its channel, so it only keeps the survival from reaching 0).
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../src/commands/options.js';
import { bindColumns } from '../../../src/formats/bind.js';
import { durationHeader } from '../../../src/formats/durationHeader.js';
import { generic } from '../../../src/formats/generic.js';
import { profileFiles } from '../../../src/load/profile.js';
import type { TicketField } from '../../../src/model.js';
import { auditFiles, bothProducers } from '../../helpers/audit.js';
import { fixture, tempCsv } from '../../helpers/exec.js';

const AS_OF = { asOf: '2026-10-31T00:00:00Z' };

interface Expected {
  /** Field → the header it must be bound to; every other field unbound. */
  mapping: Partial<Record<TicketField, string>>;
  /** channel → [tickets, first-response median s, resolution median s] */
  channels: Record<string, [number, number, number]>;
  /** email over phone: first response, resolution */
  ratios: [number, number];
  /** The fixture's times are ISO and its numbers plain, so DuckDB can read it too. */
  engine?: boolean;
}

const LANGUAGES: Record<string, Expected> = {
  // Semicolons, `31.10.2026 21:30` (D-3's 13.10. says day first), timestamps for both metrics.
  // phone: answers 20m, 40m, 1h → 2,400 s; resolved 6h, 24h, D-3 open → S = 2/3, 1/3: 86,400 s.
  // email: answers 2h, 4h, D-6 unanswered → S = 2/3, 1/3: 14,400 s; resolved 24h, 48h, D-6 open:
  // 172,800 s. web: D-7 alone, 30m and 6h. Ratios 14,400/2,400 = 6 and 172,800/86,400 = 2.
  de: {
    mapping: {
      ticketId: 'Ticket-ID', customerId: 'Anfragender', channel: 'Kanal', createdAt: 'Erstellt am', firstResponseAt: 'Erste Antwort am',
      resolvedAt: 'Gelöst am', status: 'Status', priority: 'Priorität', category: 'Kategorie', group: 'Gruppe', subject: 'Betreff',
    },
    channels: { phone: [3, 2400, 86400], email: [3, 14400, 172800], web: [1, 1800, 21600] },
    ratios: [6, 2],
  },
  // `31/10/2026` (F-6's 15/10 says day first), first response as minutes.
  // phone: 15, 30, 45 min → 1,800 s; resolved 3h, 6h, F-3 open → 21,600 s.
  // email: 90, 120, 180 min → 7,200 s; resolved 24h, 48h, F-6 open → 172,800 s.
  // web: 60 min, resolved 1h. Ratios 7,200/1,800 = 4 and 172,800/21,600 = 8.
  fr: {
    mapping: {
      ticketId: 'N° de ticket', customerId: 'Demandeur', channel: 'Canal', createdAt: 'Date de création',
      firstResponseTime: 'Temps de première réponse (minutes)', resolvedAt: 'Résolu le', status: 'Statut', priority: 'Priorité',
      category: 'Catégorie', group: 'Équipe', subject: 'Objet',
    },
    channels: { phone: [3, 1800, 21600], email: [3, 7200, 172800], web: [1, 3600, 3600] },
    ratios: [4, 8],
  },
  // Semicolons, both metrics as durations: minutes, and hours with a decimal comma.
  // phone: 10, 20, 30 min → 1,200 s; resolved 2,5h = 9,000 s, 4h = 14,400 s, E-3 open → 14,400 s.
  // email: 60 min, E-5 unanswered, 150 min → S(3,600) = 2/3, S(9,000) = 1/3: 9,000 s; resolved
  // 24h, E-5 open, 36,5h = 131,400 s → 131,400 s. web: 45 min = 2,700 s, 1h.
  // Ratios 9,000/1,200 = 7.5 and 131,400/14,400 = 9.125.
  es: {
    mapping: {
      ticketId: 'Número de ticket', customerId: 'Solicitante', channel: 'Canal', createdAt: 'Fecha de creación',
      firstResponseTime: 'Tiempo de primera respuesta (minutos)', resolutionTime: 'Tiempo de resolución (horas)', status: 'Estado',
      priority: 'Prioridad', category: 'Categoría', group: 'Grupo', subject: 'Asunto',
    },
    channels: { phone: [3, 1200, 14400], email: [3, 9000, 131400], web: [1, 2700, 3600] },
    ratios: [7.5, 9.125],
  },
  // ISO times. phone: 5, 15, 10 min → 600 s; resolved 1h, 4h, P-3 open → 14,400 s.
  // email: 1h, 3h, 2h → 7,200 s; resolved 1d, 2d, 4d → 172,800 s. chat: 1 min, resolved 30 min.
  // Ratios 7,200/600 = 12 and 172,800/14,400 = 12.
  pt: {
    mapping: {
      ticketId: 'ID do ticket', customerId: 'Cliente', channel: 'Canal', createdAt: 'Data de criação', firstResponseAt: 'Primeira resposta',
      resolvedAt: 'Data de resolução', status: 'Estado', priority: 'Prioridade', category: 'Categoria', group: 'Equipe', subject: 'Assunto',
    },
    channels: { phone: [3, 600, 14400], email: [3, 7200, 172800], chat: [1, 60, 1800] },
    ratios: [12, 12],
    engine: true,
  },
  // Semicolons, `31-10-2026` (N-6's 20-10 says day first), durations in minuten and uren.
  // phone: 5, 25, 15 min → 900 s; resolved 1h, 3h, 2h → 7,200 s.
  // email: 120, 60, 90 min → 5,400 s; resolved N-4 open, 48h, 12h → S(12h) = 2/3, S(48h) = 1/3:
  // 172,800 s. web: 30 min, 5h. Ratios 5,400/900 = 6 and 172,800/7,200 = 24.
  nl: {
    mapping: {
      ticketId: 'Ticketnummer', customerId: 'Aanvrager', channel: 'Kanaal', createdAt: 'Aangemaakt op',
      firstResponseTime: 'Eerste reactietijd (minuten)', resolutionTime: 'Oplostijd (uren)', status: 'Status', priority: 'Prioriteit',
      category: 'Categorie', group: 'Groep', subject: 'Onderwerp',
    },
    channels: { phone: [3, 900, 7200], email: [3, 5400, 172800], web: [1, 1800, 18000] },
    ratios: [6, 24],
  },
  // `31/10/2026` (I-6's 13/10 says day first). phone: 30, 90, 60 min → 3,600 s; resolved 2h, 8h,
  // 4h → 14,400 s. email (Posta elettronica and Email): 6h, I-5 unanswered, 3h → S(3h) = 2/3,
  // S(6h) = 1/3: 21,600 s; resolved 48h, I-5 open, 24h → 172,800 s. web: 20 min, 2h.
  // Ratios 21,600/3,600 = 6 and 172,800/14,400 = 12.
  it: {
    mapping: {
      ticketId: 'Numero ticket', customerId: 'Richiedente', channel: 'Canale', createdAt: 'Data di creazione', firstResponseAt: 'Prima risposta',
      resolvedAt: 'Data di chiusura', status: 'Stato', priority: 'Priorità', category: 'Categoria', group: 'Gruppo', subject: 'Oggetto',
    },
    channels: { phone: [3, 3600, 14400], email: [3, 21600, 172800], web: [1, 1200, 7200] },
    ratios: [6, 12],
  },
};

describe('exports with headers in another language', () => {
  for (const [language, expected] of Object.entries(LANGUAGES)) {
    const path = fixture('languages', `${language}.csv`);

    it(`${language}: inspect binds every column by its name`, async () => {
      const settings = resolveSettings([path], AS_OF, {}, 'test');
      const [profile] = await profileFiles(settings, { stdin: Readable.from([]) });
      const bound = Object.fromEntries(profile!.mapping.filter((m) => m.column !== null).map((m) => [m.field, m.column]));
      expect(bound).toEqual(expected.mapping);
      expect(profile!.missingRequired).toEqual([]);
      expect(profile!.unusedColumns).toEqual([]);
      expect(profile!.channelValues.every((v) => v.known)).toBe(true);
    });

    it(`${language}: medians and ratios worked out by hand${expected.engine ? ', in-process and through DuckDB alike' : ''}`, async () => {
      for (const report of expected.engine ? await bothProducers([path], AS_OF) : [await auditFiles([path], AS_OF)]) {
        expect(report.input).toMatchObject({ rowsRead: 7, rowsUsed: 7, rowsRejected: 0 });
        const got = Object.fromEntries(report.channels.map((c) => [c.channel, [c.tickets, c.firstResponse.median, c.resolution.median]]));
        expect(got).toEqual(expected.channels);
        const email = report.channels.find((c) => c.channel === 'email');
        expect(email?.vsReference?.firstResponseRatio).toBeCloseTo(expected.ratios[0], 10);
        expect(email?.vsReference?.resolutionRatio).toBeCloseTo(expected.ratios[1], 10);
      }
    });
  }
});

describe('German headers with ISO times, as a helpdesk exports them in minutes, through DuckDB too', () => {
  it('Erste Antwortzeit in Minuten and Vollständige Lösungszeit in Minuten are the durations in minutes', async () => {
    const path = tempCsv('zendesk-de.csv', [
      'ID,Anfragender,Kanal,Erstellt am,Status,Gruppe,Erste Antwortzeit in Minuten,Vollständige Lösungszeit in Minuten',
      '1,a,Telefon,2026-10-01T09:00:00Z,Gelöst,Support,10,60',
      '2,b,Telefon,2026-10-01T09:00:00Z,Gelöst,Support,30,120',
      '3,c,Telefon,2026-10-01T09:00:00Z,Gelöst,Support,20,90',
      '4,d,E-Mail,2026-10-01T09:00:00Z,Gelöst,Support,60,1440',
      '5,e,E-Mail,2026-10-01T09:00:00Z,Offen,Support,,',
      '6,f,E-Mail,2026-10-01T09:00:00Z,Gelöst,Support,240,2880',
    ]);
    // phone: 10, 20, 30 min → 1,200 s; resolved 60, 90, 120 min → 5,400 s. email: 60 min,
    // 240 min, 5 unanswered → S(3,600) = 2/3, S(14,400) = 1/3: 14,400 s; resolved 1,440 and
    // 2,880 min, 5 open → 172,800 s.
    for (const report of await bothProducers([path], AS_OF)) {
      expect(report.channels.map((c) => [c.channel, c.tickets, c.firstResponse.median, c.resolution.median])).toEqual([
        ['phone', 3, 1200, 5400],
        ['email', 3, 14400, 172800],
      ]);
    }
  });
});

describe('duration units in those languages', () => {
  it.each([
    ['Erste Antwortzeit in Minuten', 'ersteantwortzeit', 'minutes'],
    ['Lösungszeit (Std.)', 'losungszeit', 'hours'],
    ['Lösungszeit in Tagen', 'losungszeit', 'days'],
    ['Lösungszeit (Tage)', 'losungszeit', 'days'],
    ['Temps de première réponse en minutes', 'tempsdepremierereponse', 'minutes'],
    ['Temps de résolution (heures)', 'tempsderesolution', 'hours'],
    ['Tiempo de resolución (días)', 'tiempoderesolucion', 'days'],
    ['Tempo de resolução em horas', 'tempoderesolucao', 'hours'],
    ['Eerste reactietijd (seconden)', 'eerstereactietijd', 'seconds'],
    ['Tempo di risoluzione (ore)', 'tempodirisoluzione', 'hours'],
    ['Tempo di prima risposta in minuti', 'tempodiprimarisposta', 'minutes'],
  ] as const)('%s', (header, base, unit) => {
    expect(durationHeader(header)).toEqual(base === null ? null : { base, unit, clock: null, clockText: false });
  });
});

describe('an English header binds as before', () => {
  const bound = (header: string[]) => {
    const m = bindColumns(header, generic, 0.1, { columns: {}, dateFormat: null, decimal: null }, [], 'UTC', 'x.csv');
    return Object.fromEntries(Object.values(m.bindings).map((b) => [b.field, b.header]));
  };

  it('the English name of a field comes before its translations, wherever the columns stand', () => {
    expect(bound(['Kanal', 'Ticketnummer', 'Erstellt am', 'ticket_id', 'channel', 'created_at', 'Status', 'Priorität', 'priority'])).toEqual({
      ticketId: 'ticket_id', channel: 'channel', createdAt: 'created_at', status: 'Status', priority: 'priority',
    });
  });
});
