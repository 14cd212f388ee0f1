import { SaxesParser } from 'saxes';

/** An element as plain data: attributes by name, repeated children in arrays, text as `#text`. */
export type XmlNode = Record<string, unknown>;

interface Open {
  readonly name: string;
  readonly node: XmlNode;
  text: string;
  hasChildren: boolean;
}

function attach(parent: Open, name: string, value: unknown, arrays: readonly string[]): void {
  parent.hasChildren = true;
  if (arrays.includes(name)) {
    const list = (parent.node[name] ??= []) as unknown[];
    list.push(value);
  } else {
    parent.node[name] = value;
  }
}

/**
 * Parses XML with saxes, a strict XML 1.0 parser: it throws on any well-formedness error,
 * including characters XML 1.0 does not allow. Elements become objects (attributes as
 * properties, text as `#text`; a text-only element without attributes becomes its string,
 * an empty one `''`); elements named in `arrays` are always collected into arrays.
 */
export function parseXml(xml: string, arrays: readonly string[]): XmlNode {
  const parser = new SaxesParser();
  const root: Open = { name: '', node: {}, text: '', hasChildren: false };
  const stack: Open[] = [root];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = {};
    for (const [name, value] of Object.entries(tag.attributes)) node[name] = value;
    stack.push({ name: tag.name, node, text: '', hasChildren: false });
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top !== undefined) top.text += text;
  });
  parser.on('cdata', (text) => {
    const top = stack.at(-1);
    if (top !== undefined) top.text += text;
  });
  parser.on('closetag', () => {
    const done = stack.pop();
    const parent = stack.at(-1);
    if (done === undefined || parent === undefined) return;
    const attributes = Object.keys(done.node).length > 0;
    if (!done.hasChildren && !attributes) {
      attach(parent, done.name, done.text, arrays);
      return;
    }
    if (done.text.trim() !== '' || (!done.hasChildren && done.text !== ''))
      done.node['#text'] = done.text;
    attach(parent, done.name, done.node, arrays);
  });
  parser.write(xml).close();
  return root.node;
}
