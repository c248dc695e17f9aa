// Code comments cite the docs that ship with the repo (docs/*.md), never a design page kept
// outside it or an issue number: a reader of the code has the repo, not the tracker.
// See docs/architecture.md, "Folders".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..', '..');
const scanned = ['shared', 'server', 'addin', 'test', 'bench', 'scripts'];

/** Documents that live outside the repo, and issue numbers ("issue 4", "issues 4 and 5", "Issue #2"). */
const outside = /\b(?:DESIGN|REQUIREMENTS|STYLE)\.md\b|\bREQUIREMENTS module\b|\bissues? #?\d/gi;
const docLink = /\bdocs\/([\w./-]+\.md)\b/g;

interface Finding {
  file: string;
  line: number;
  text: string;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every line of `text` that cites a document outside the repo, or a docs/ file that is missing. */
export function badCitations(text: string, docExists: (doc: string) => boolean): string[] {
  return text.split('\n').filter((line) => {
    if (line.match(outside)) return true;
    return [...line.matchAll(docLink)].some((m) => !docExists(m[1]!));
  });
}

function findings(): Finding[] {
  const docExists = (doc: string) => fs.existsSync(path.join(root, 'docs', doc));
  return scanned
    .flatMap((dir) => sourceFiles(path.join(root, dir)))
    .filter((file) => file !== self)
    .flatMap((file) => {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      return lines.flatMap((text, index) =>
        badCitations(text, docExists).length > 0
          ? [{ file: path.relative(root, file), line: index + 1, text: text.trim() }]
          : [],
      );
    });
}

describe('citations in code comments', () => {
  it('recognises citations of outside documents and issue numbers, and missing docs', () => {
    const exists = (doc: string) => doc === 'protocol.md';
    const bad = [
      '// Money in fen (DESIGN.md "Money").',
      '// Both languages (REQUIREMENTS.md: zh-CN and en-US).',
      '// Values, not throws (STYLE.md §7).',
      '// Credit control (issue 4 "Credit").',
      '// Finance and analysis (issues 4 and 5).',
      '// Fixed in Issue #12.',
      '// Keep it (REQUIREMENTS module 4).',
      '// See docs/no-such-file.md, "Limits".',
    ];
    for (const line of bad) assert.deepEqual(badCitations(line, exists), [line], line);
    const good = [
      '// See docs/protocol.md, "Duplicate guards".',
      '// The finance datasets: receipts, allocations.',
      'for (const issue of parsed.error.issues) {',
      "addCodedIssue(ctx, 'weights-not-100', 'criterion weights');",
    ];
    for (const line of good) assert.deepEqual(badCitations(line, exists), [], line);
  });

  it('no source file cites a document outside the repo, an issue number or a missing doc', () => {
    const found = findings();
    assert.deepEqual(
      found.map((f) => `${f.file}:${f.line}: ${f.text}`),
      [],
      `${found.length} citation(s) to replace with docs/architecture.md or docs/protocol.md`,
    );
  });
});
