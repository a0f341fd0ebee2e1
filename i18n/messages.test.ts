import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/locales';
import { MESSAGES } from './messages';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments of a message ({count}, {name, plural, …}, <b>…</b> tags), sorted. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === "'") {
      const end = message.indexOf("'", i + 1);
      if (end > i + 1) i = end;
      continue;
    }
    if (c === '{') {
      if (depth % 2 === 0) {
        const name = /^\{\s*([\w-]+)/.exec(message.slice(i));
        if (name?.[1]) found.add(name[1]);
      }
      depth++;
    } else if (c === '}') depth--;
  }
  for (const tag of message.matchAll(/<(\w+)>/g)) if (tag[1]) found.add(`<${tag[1]}>`);
  return [...found].sort();
}

const en = leaves(MESSAGES.en);

describe('messages', () => {
  it('every area file exists in every language (messages/<locale>/<area>.json)', () => {
    const areas = (locale: string) => fs.readdirSync(path.join(process.cwd(), 'messages', locale)).sort();
    for (const locale of LOCALES) expect(areas(locale), locale).toEqual(areas('en'));
    expect(Object.keys(MESSAGES.en).sort()).toEqual(areas('en').map((f) => f.replace(/\.json$/, '')));
  });

  for (const locale of LOCALES) {
    const other = leaves(MESSAGES[locale]);

    it(`${locale}: has exactly the English keys`, () => {
      expect([...en.keys()].filter((k) => !other.has(k)), 'missing').toEqual([]);
      expect([...other.keys()].filter((k) => !en.has(k)), 'extra').toEqual([]);
    });

    it(`${locale}: no empty message`, () => {
      expect([...other].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    });

    it(`${locale}: the same ICU placeholders as English`, () => {
      const differing = [...en]
        .filter(([k, v]) => other.has(k) && placeholders(v).join() !== placeholders(other.get(k) ?? '').join())
        .map(([k]) => k);
      expect(differing).toEqual([]);
    });
  }

  it('finds placeholders, plural arguments and tags', () => {
    expect(placeholders('{count, plural, one {# case for {name}} other {# cases}} <b>now</b>')).toEqual([
      '<b>',
      'count',
      'name',
    ]);
    expect(placeholders("'{literal}' {a} and {b}")).toEqual(['a', 'b']);
  });
});
