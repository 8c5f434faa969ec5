/**
 * Command lines typed in the run form, split like a POSIX shell does for `docker run IMAGE ARGS`:
 * whitespace separates words, '...' is literal, "..." allows \" \\ \$ \` escapes, and a backslash
 * outside quotes escapes the next character. No variables, globbing or operators: the words go to
 * the engine as they are.
 */
export type SplitResult = { ok: true; words: string[] } | { ok: false; error: string };

export function splitShellWords(input: string): SplitResult {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: "a single quote (') is not closed" };
      word += input.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i++;
      inWord = true;
      let closed = false;
      while (i < input.length) {
        const c = input[i] as string;
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < input.length && '"\\$`'.includes(input[i + 1] as string)) {
          word += input[i + 1];
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
      if (!closed) return { ok: false, error: 'a double quote (") is not closed' };
    } else if (ch === '\\') {
      if (i + 1 >= input.length) return { ok: false, error: 'a backslash at the end escapes nothing' };
      word += input[i + 1];
      inWord = true;
      i += 2;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}

const SAFE = /^[A-Za-z0-9_\-+=.,/:@%^]+$/;

/** The inverse: words as one line that splitShellWords reads back to the same words. */
export function joinShellWords(words: readonly string[]): string {
  return words.map((w) => (SAFE.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}
