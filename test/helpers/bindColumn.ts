/**
 * The generic format's column binding of a file whose fourth column is `header` with `values`
 * (ids T0, T1, …, phone, created 2026-11-03T10:00:00Z, UTC): how a column's values decide what it
 * is bound as (a duration or a timestamp, which unit).
 */
import { bindColumns } from '../../src/formats/bind.js';
import { generic } from '../../src/formats/generic.js';

export function bindFourthColumn(header: string, values: readonly string[]): ReturnType<typeof bindColumns> {
  return bindColumns(
    ['ticket_id', 'channel', 'created_at', header],
    generic,
    1,
    { columns: {}, dateFormat: null, decimal: null },
    values.map((v, i) => [`T${i}`, 'phone', '2026-11-03T10:00:00Z', v]),
    'UTC',
    'f.csv',
  );
}
