/**
 * A generic CSV planted cell by cell for the case-mix tests: each [channel, category, count,
 * first] makes `count` tickets of that channel and category, created an hour apart from
 * 1 October 2026 (UTC), answered after first, first + 1, … first + count − 1 minutes. So a
 * cell's times and medians can be worked out by hand.
 */
export type PlantedCell = [channel: string, category: string, count: number, firstMinutes: number];

export function plantedCsv(plant: readonly PlantedCell[]): string {
  const rows = ['ticket_id,channel,created_at,first_response_at,category'];
  const start = Date.UTC(2026, 9, 1) / 1000;
  const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  let k = 0;
  for (const [channel, category, count, first] of plant) {
    for (let j = 0; j < count; j++, k++) {
      const created = start + k * 3600;
      rows.push(`T${k},${channel},${iso(created)},${iso(created + (first + j) * 60)},${category}`);
    }
  }
  return `${rows.join('\n')}\n`;
}
