import { join } from 'node:path';
import type { Page } from 'playwright';

const AXE_PATH = join(process.cwd(), 'node_modules/axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** The serious and critical axe violations of the open page, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Words of the cells matching `selector` that the layout broke across lines: a cell narrower than
 * its longest word. Words are split where typography allows a line break anyway: at spaces, and
 * after a hyphen, a slash or a closing bracket.
 */
export async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((cellSelector) => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll(cellSelector)) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s\-‐/)\]}]+[-‐/)\]}]?/g)) {
          const range = document.createRange();
          range.setStart(node, match.index ?? 0);
          range.setEnd(node, (match.index ?? 0) + match[0].length);
          const lines = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
          );
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  }, selector);
}
