import { readFileSync } from 'node:fs';
import { type Document, isMap, isSeq, LineCounter, parseDocument } from 'yaml';

/** A YAML file with the means to turn a path inside it into a line number. */
export interface YamlSource {
  file: string;
  text: string;
  value: unknown;
  /** Parse errors, already with their lines. */
  errors: Array<{ line: number; column: number; message: string }>;
  /** 1-based line of the deepest node of `path` that exists (the key's line for map entries). */
  lineOf(path: ReadonlyArray<string | number>): number;
}

export function readYamlSource(file: string, text: string = readFileSync(file, 'utf8')): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((error) => {
    const { line, col } = counter.linePos(error.pos[0]);
    return { line, column: col, message: error.message.split('\n')[0] };
  });
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS();
    } catch (error) {
      // An alias bomb (aliases of aliases, "billion laughs") is refused here, by the yaml library's alias limit.
      const alias = /(^|[\s[{,:-])\*[^\s,\]}]+/m.exec(text);
      const at = counter.linePos(alias ? alias.index + alias[1].length : 0);
      errors.push({ line: at.line, column: at.col, message: `cannot be read: ${(error as Error).message}` });
    }
  }
  return {
    file,
    text,
    value,
    errors,
    lineOf: (path) => lineOfPath(doc, counter, path),
  };
}

function lineOfPath(doc: Document, counter: LineCounter, path: ReadonlyArray<string | number>): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: number[] } | null)?.range?.[0] ?? 0;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === step);
      if (!pair) break;
      offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
      node = node.items[step];
      offset = (node as { range?: number[] }).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return counter.linePos(offset).line;
}
