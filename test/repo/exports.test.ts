// Every export is imported somewhere: an export nobody imports is either dead code or a detail
// of its module posing as an interface. A name counts as imported when another file of the repo
// mentions it (tests included). Zod schemas are exempt: a schema kept for the type it declares
// (`z.infer<typeof xSchema>`) is part of its module's vocabulary.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const declaration =
  /^export (?:async )?(?:function\*?|const|let|interface|type|class|enum) ([A-Za-z_$][\w$]*)/gm;

/** Test files export nothing others need; support code and fakes are checked like the rest. */
const checked = (file: string) =>
  !file.startsWith('test/') || file.startsWith('test/support/') || file.startsWith('test/fakes/');

/** The exported names of `files` that no other file mentions. */
export function unimported(files: ReadonlyMap<string, string>): string[] {
  const mentionedIn = new Map<string, Set<string>>();
  for (const [file, text] of files)
    for (const word of new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? [])) {
      const set = mentionedIn.get(word) ?? new Set<string>();
      set.add(file);
      mentionedIn.set(word, set);
    }
  const found: string[] = [];
  for (const [file, text] of files) {
    if (!checked(file)) continue;
    for (const m of text.matchAll(declaration)) {
      const name = m[1]!;
      if (name.endsWith('Schema')) continue;
      const others = [...(mentionedIn.get(name) ?? [])].filter((f) => f !== file);
      if (others.length === 0) found.push(`${file}: ${name}`);
    }
  }
  return found.sort();
}

describe('exports', () => {
  it('finds an export no other file mentions (the check can fail)', () => {
    const files = new Map([
      ['shared/a.ts', 'export function used() {}\nexport const lonely = 1;\n'],
      ['server/b.ts', "import { used } from '../shared/a';\nused();\n"],
    ]);
    assert.deepEqual(unimported(files), ['shared/a.ts: lonely']);
  });

  it('every export of the repo is imported somewhere', function () {
    this.timeout(30_000);
    const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    });
    const files = new Map(
      listed
        .split('\n')
        .filter((f) => /\.tsx?$/.test(f) && fs.existsSync(path.join(root, f)))
        .map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')] as const),
    );
    assert.deepEqual(unimported(files), []);
  });
});
