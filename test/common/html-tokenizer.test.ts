import { Parser, parseDocument, Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { FastSkipTokenizer, HTML_PARSER_OPTIONS } from '../../src/common/html-tokenizer.js';

interface AnyNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
  startIndex: number | null;
  endIndex: number | null;
  children?: AnyNode[];
}

/** A tree as plain data: types, names, attributes, text and source positions. */
const shape = (node: AnyNode): unknown => ({
  type: node.type,
  name: node.name,
  attribs: node.attribs,
  data: node.data,
  start: node.startIndex,
  end: node.endIndex,
  children: node.children?.map(shape),
});

const treeOf = (html: string, fast: boolean) =>
  (
    parseDocument(
      html,
      fast
        ? { ...HTML_PARSER_OPTIONS, withStartIndices: true, withEndIndices: true }
        : { xmlMode: false, decodeEntities: true, withStartIndices: true, withEndIndices: true },
    ).children as unknown as AnyNode[]
  ).map(shape);

const DOCUMENTS = [
  '<script>if (a < b && c <d) { x = "</scr" + "ipt>"; }</script><p>after</p>',
  '<script>var s = "<!-- not a comment -->"; a<</script><p>x</p>',
  '<style>a > b { content: "<" } </style ><style>c{}</STYLE>tail',
  '<!-- a < comment -- > still --><p>after &amp; more</p><!--unclosed',
  '<title>A &amp; B < C</title><textarea>1 < 2 &lt; 3</textarea>',
  '<script>never closed < < <',
  '<noscript><a href="/x">x</a></noscript><xmp>a<b</xmp><iframe><p></iframe>',
  '<svg><script>1<2</script><style><![CDATA[ a<b ]]></style></svg><p>x</p>',
  `<html><head><script>${'var a = 1 < 2;\n'.repeat(2000)}</script></head><body><a href="/c">Contact</a></body></html>`,
];

describe('FastSkipTokenizer', () => {
  it('still replaces the method htmlparser2 skips with (a rename would silently undo the speed-up)', () => {
    expect(typeof (Tokenizer.prototype as unknown as Record<string, unknown>).fastForwardTo).toBe('function');
    expect((FastSkipTokenizer.prototype as unknown as Record<string, unknown>).fastForwardTo).not.toBe(
      (Tokenizer.prototype as unknown as Record<string, unknown>).fastForwardTo,
    );
  });

  it.each(DOCUMENTS.map((html, i) => [i, html]))(
    'builds the same tree as htmlparser2 (document %i)',
    (_, html) => {
      expect(treeOf(html as string, true)).toEqual(treeOf(html as string, false));
    },
  );

  it('builds the same tree when the markup arrives in chunks', () => {
    const html = DOCUMENTS.join('\n');
    const texts = (fast: boolean) => {
      const seen: string[] = [];
      const handler = { ontext: (t: string) => seen.push(t), onopentag: (n: string) => seen.push(`<${n}>`) };
      const parser = new Parser(handler, fast ? HTML_PARSER_OPTIONS : { decodeEntities: true });
      for (let i = 0; i < html.length; i += 37) parser.write(html.slice(i, i + 37));
      parser.end();
      return seen.join('');
    };
    expect(texts(true)).toEqual(texts(false));
  });
});
