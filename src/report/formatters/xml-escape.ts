/**
 * XML 1.0 escaping for text a report took from scanned manifests. Escaping `<`, `&` and `>`
 * keeps markup out (and makes `]]>` harmless); characters XML 1.0 forbids outright (most C0
 * controls such as ESC, lone surrogates, U+FFFE/U+FFFF) would make the whole document
 * unparseable, so they are replaced by a visible `\xNN` / `\uNNNN` form. C1 controls are legal
 * XML but act on terminals that display test logs, so they are made visible too.
 */

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** `\x1b` for a control character, `\ud800` for a lone surrogate or a non-character. */
function visible(code: number): string {
  return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

// Lone surrogates only: a well-formed pair is one legal astral character. Built from a string
// because control characters are exactly what this pattern is for.
const FORBIDDEN = new RegExp(
  String.raw`[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`,
  'g',
);

/** `text` with every character XML 1.0 cannot carry replaced by its visible escape. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, (char) => visible(char.charCodeAt(0)));
}

const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  // Attribute-value normalisation would turn raw whitespace into spaces: keep it as references.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escaped for element content. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>]/g, (char) => TEXT_ENTITIES[char] ?? char);
}

/** Escaped for a double- or single-quoted attribute value, whitespace preserved. */
export function xmlAttr(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ENTITIES[char] ?? char);
}
