/** The outline of an HTML report for golden tests: sections, headings, tables, charts, findings. */
import { parseHTML } from 'linkedom';

interface Node {
  tagName: string;
  children: ArrayLike<Node>;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<Node>;
}

/** The outline of an HTML report: one line per structural element. */
export function outline(html: string): string {
  const { document } = parseHTML(html);
  const lines: string[] = [];
  // Text with a space between elements, so "2h" in one cell and "Tickets" in the next stay apart.
  const text = (n: Node): string => (n as unknown as { innerHTML: string }).innerHTML.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c))).replace(/\s+/g, ' ').trim();
  const walk = (node: Node, depth: number): void => {
    for (const child of Array.from(node.children)) {
      const tag = child.tagName.toLowerCase();
      const pad = '  '.repeat(depth);
      if (tag === 'section') {
        lines.push(`${pad}section#${child.getAttribute('id')}`);
        walk(child, depth + 1);
      } else if (/^h[1-3]$/.test(tag)) lines.push(`${pad}${tag} ${text(child)}`);
      else if (tag === 'table') {
        const head = Array.from(child.querySelectorAll('thead th')).map(text);
        const rows = child.querySelectorAll('tbody tr').length;
        lines.push(`${pad}table ${head.length} columns × ${rows} rows: ${head.join(' | ')}`);
      } else if (tag === 'svg' && child.getAttribute('role') === 'img') {
        lines.push(`${pad}svg "${child.getAttribute('aria-label')}"`);
        for (const g of Array.from(child.children)) {
          const label = g.getAttribute('aria-label');
          if (label) lines.push(`${pad}  ${label}: ${g.children.length}`);
        }
      } else if (tag === 'details') {
        lines.push(`${pad}finding ${child.getAttribute('class')}${child.getAttribute('open') !== null ? ' (open)' : ''}: ${child.querySelectorAll('dt').length} evidence lines`);
      } else if (tag === 'div' && child.getAttribute('class') === 'tiles') {
        lines.push(`${pad}tiles: ${Array.from(child.children).map(text).join(' / ')}`);
      } else if (tag === 'meta' || tag === 'title' || tag === 'style') {
        if (tag === 'meta' && child.getAttribute('http-equiv')) lines.push(`${pad}meta ${child.getAttribute('http-equiv')}: ${child.getAttribute('content')}`);
        if (tag === 'title') lines.push(`${pad}title ${text(child)}`);
      } else walk(child, depth);
    }
  };
  walk(document.documentElement as unknown as Node, 0);
  return `${lines.join('\n')}\n`;
}

