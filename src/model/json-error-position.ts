/**
 * The offset of the first syntax error in JSON text, for error messages: Node 20's JSON.parse
 * names a position for some errors only. Called only after JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const expect = (literal: string) => {
    for (const char of literal)
      if (text[at++] !== char) {
        at--;
        fail();
      }
  };
  const string = () => {
    expect('"');
    while (text[at] !== '"') {
      if (at >= text.length || text.charCodeAt(at) < 0x20) fail();
      if (text[at] === '\\') {
        at++;
        if (text[at] === 'u') {
          at++;
          for (let i = 0; i < 4; i++)
            if (!/[0-9a-fA-F]/.test(text[at++] ?? '')) {
              at--;
              fail();
            }
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[at] ?? 'x')) fail();
      }
      at++;
    }
    at++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += match![0].length;
  };
  const sequence = (close: string, item: () => void) => {
    at++;
    space();
    if (text[at] === close) return void at++;
    for (;;) {
      item();
      space();
      if (text[at] === close) return void at++;
      expect(',');
      space();
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{')
      sequence('}', () => {
        string();
        space();
        expect(':');
        value();
      });
    else if (char === '[') sequence(']', value);
    else if (char === '"') string();
    else if (char === 't') expect('true');
    else if (char === 'f') expect('false');
    else if (char === 'n') expect('null');
    else number();
  };
  try {
    value();
    space();
    if (at < text.length) fail();
  } catch (offset) {
    return offset as number;
  }
  return text.length;
}
