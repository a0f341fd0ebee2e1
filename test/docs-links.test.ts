import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The repository documents itself: every link and `docs/…md` mention must land on a file in it.
const root = path.resolve(import.meta.dirname, '..');
// Its own examples of broken links are not broken links.
const THIS_FILE = path.relative(root, import.meta.filename);
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.data', 'test-results', '.test-results', 'playwright-report']);
const SKIPPED_PATHS = new Set(['db/migrations']);
const TEXT_FILE = /\.(md|ts|tsx|mts|mjs|js|cjs|sh|ya?ml)$|^package\.json$/;
// Built from parts so this file does not name what it forbids.
const OUTSIDE_SPEC = new RegExp(['shared', 'spec'].join('/') + '|' + ['\\.\\.', 'shared', ''].join('/'));

function repoFiles(dir = root): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(root, full);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.next') || SKIPPED_PATHS.has(rel)) continue;
      files.push(...repoFiles(full));
    } else if (TEXT_FILE.test(entry.name) && rel !== THIS_FILE) {
      files.push(rel);
    }
  }
  return files;
}

/** Markdown without fenced code blocks and inline code, where a bracket is not a link. */
function proseOf(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Targets of inline links `[text](target)`, images and reference definitions `[id]: target`. */
function markdownLinks(markdown: string): string[] {
  const prose = proseOf(markdown);
  const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? '');
  const references = [...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1] ?? '');
  return [...inline, ...references];
}

/** GitHub's anchors for the headings of a Markdown file. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading = ''] of withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Mentions of `docs/<name>.md` and of a bare `<name>.md`, outside URLs and longer paths. */
function markdownFileMentions(text: string): { docs: string[]; bare: string[] } {
  const docs = [...text.matchAll(/(?<![\w./-])docs\/[\w./-]*?\.md\b/g)].map((m) => m[0]);
  const bare = [...text.matchAll(/(?<![\w./@-])[\w-]+\.md\b/g)].map((m) => m[0]);
  return { docs, bare };
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

function brokenLinks(file: string, markdown: string): string[] {
  const problems: string[] = [];
  for (const target of markdownLinks(markdown)) {
    if (isExternal(target)) continue;
    const [pathPart = '', anchor] = target.split('#', 2);
    const resolved = pathPart === '' ? path.join(root, file) : path.resolve(root, path.dirname(file), decodeURI(pathPart.split('?')[0] ?? ''));
    if (!fs.existsSync(resolved)) {
      problems.push(`${file}: link to ${target}: no such file`);
      continue;
    }
    if (anchor && resolved.endsWith('.md') && !headingAnchors(fs.readFileSync(resolved, 'utf8')).has(anchor)) {
      problems.push(`${file}: link to ${target}: no heading with that anchor`);
    }
  }
  return problems;
}

function brokenMentions(file: string, text: string): string[] {
  const { docs, bare } = markdownFileMentions(text);
  const missingDocs = docs.filter((mention) => !fs.existsSync(path.join(root, mention)));
  const missingBare = bare.filter(
    (name) => ![root, path.join(root, 'docs'), path.join(root, path.dirname(file))].some((dir) => fs.existsSync(path.join(dir, name))),
  );
  return [...missingDocs, ...missingBare].map((mention) => `${file}: mentions ${mention}, which the repository does not have`);
}

describe('the link checks themselves', () => {
  it('find inline links, images and reference definitions, not code', () => {
    const md = '[a](x.md) ![i](img/p.png "t") `[b](y.md)`\n```\n[c](z.md)\n```\n[ref]: ./w.md\n';
    expect(markdownLinks(md)).toEqual(['x.md', 'img/p.png', './w.md']);
  });

  it('name anchors as GitHub does', () => {
    const anchors = headingAnchors('# Data contract: what goes in\n## 3. HTTP API (`/api/v1`)\n## Notes\n## Notes\n');
    expect([...anchors]).toEqual(['data-contract-what-goes-in', '3-http-api-apiv1', 'notes', 'notes-1']);
  });

  it('see docs mentions and bare names, but not URLs or other folders', () => {
    const text = 'see docs/metrics.md and data-contract.md; not https://x.org/docs/a.md nor lib/docs/b.md';
    expect(markdownFileMentions(text)).toEqual({ docs: ['docs/metrics.md'], bare: ['data-contract.md'] });
  });
});

describe('repository documentation', () => {
  const files = repoFiles();

  it('scans the documents and the code', () => {
    expect(files).toContain('README.md');
    expect(files).toContain(path.join('docs', 'data-contract.md'));
    expect(files).toContain(path.join('server', 'env.ts'));
  });

  it('has no relative Markdown link to a missing file or heading', () => {
    const problems = files
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => brokenLinks(f, fs.readFileSync(path.join(root, f), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('mentions only Markdown files the repository has', () => {
    const problems = files.flatMap((f) => brokenMentions(f, fs.readFileSync(path.join(root, f), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('refers to nothing outside the repository for its specification', () => {
    const offenders = files.filter((f) => OUTSIDE_SPEC.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
