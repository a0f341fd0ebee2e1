'use client';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { SEARCH_MIN_LENGTH } from '@/lib/search-limits';
import { useTRPC } from '@/lib/trpc/react';
import type { RouterOutputs } from '@/lib/trpc/types';
import { useWords, capitalize, type Words } from '@/components/ui/vocab';
import styles from './global-search.module.css';

type Results = RouterOutputs['customers']['search'];
interface Option {
  id: string;
  href: string;
  label: string;
}

type SearchT = ReturnType<typeof useTranslations<'shell.search'>>;
type Group = 'customers' | 'disputes' | 'retentionCases' | 'outages';

function optionsOf(results: Results | undefined, t: SearchT, words: Words): { group: Group; options: Option[] }[] {
  if (!results) return [];
  const label = {
    customers: (c: Results['customers'][number]) =>
      `${c.accountNumber} · ${c.name ?? t('noName')} · ${c.regionCode}${c.churned ? ` · ${t('churned')}` : ''}`,
    disputes: (d: Results['disputes'][number]) =>
      `${d.ref} · ${d.accountNumber} · ${capitalize(words('disputeCause', d.cause))} · ${capitalize(words('disputeStatus', d.status))}`,
    retentionCases: (r: Results['retentionCases'][number]) =>
      `${r.ref} · ${r.accountNumber} · ${capitalize(words('retentionOutcome', r.outcome))}`,
    outages: (o: Results['outages'][number]) => `${o.ref} · ${o.title} · ${capitalize(words('severity', o.severity))}`,
  };
  return [
    {
      group: 'customers' as const,
      options: results.customers.map((r) => ({ id: r.accountNumber, href: r.href, label: label.customers(r) })),
    },
    {
      group: 'disputes' as const,
      options: results.disputes.map((r) => ({ id: r.ref, href: r.href, label: label.disputes(r) })),
    },
    {
      group: 'retentionCases' as const,
      options: results.retentionCases.map((r) => ({ id: r.ref, href: r.href, label: label.retentionCases(r) })),
    },
    {
      group: 'outages' as const,
      options: results.outages.map((r) => ({ id: r.ref, href: r.href, label: label.outages(r) })),
    },
  ].filter((g) => g.options.length > 0);
}

/** Whether a key press happened where typing `/` means the character, not the shortcut. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The header's search (`/` or Ctrl+K): customers by account, name or phone, and disputes, retention
 * cases and outages by reference, within the user's scope; arrows choose, Enter opens, Escape closes.
 */
export function GlobalSearch() {
  const trpc = useTRPC();
  const t = useTranslations('shell.search');
  const words = useWords();
  const router = useRouter();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [term, setTerm] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(term.trim()), 200);
    return () => clearTimeout(timer);
  }, [term]);

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      const shortcut = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      if (shortcut || (event.key === '/' && !typingInField(event.target))) {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
        setOpen(true);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const enabled = query.length >= SEARCH_MIN_LENGTH;
  const search = useQuery({ ...trpc.customers.search.queryOptions({ q: query }), enabled, staleTime: 30_000 });
  const groups = useMemo(() => optionsOf(search.data, t, words), [search.data, t, words]);
  const flat = groups.flatMap((g) => g.options);
  const current = flat[Math.min(active, flat.length - 1)];

  useEffect(() => setActive(0), [search.data]);

  function go(option: Option | undefined) {
    if (!option) return;
    setOpen(false);
    setTerm('');
    inputRef.current?.blur();
    router.push(option.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (flat.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : flat.length - 1)) % flat.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(current);
    } else if (event.key === 'Escape') {
      setOpen(false);
      inputRef.current?.blur();
    }
  }

  const note = !enabled
    ? term.trim().length > 0
      ? t('tooShort', { min: SEARCH_MIN_LENGTH })
      : t('shortcutHint')
    : search.isError
      ? t('failed')
      : search.isPending
        ? t('searching')
        : flat.length === 0
          ? t('noResults')
          : null;
  const optionId = (o: Option) => `${listId}-${o.id}`;

  return (
    <div className={styles.search} role="search">
      <input
        ref={inputRef}
        className={styles.input}
        type="search"
        role="combobox"
        aria-label={t('label')}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && current ? optionId(current) : undefined}
        placeholder={t('placeholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        value={term}
        data-testid="global-search"
        onChange={(event) => {
          setTerm(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <div className={styles.panel} id={listId} role="listbox" aria-label={t('label')}>
          {note ? (
            <p className={`${styles.note} muted`} role="status">
              {note}
            </p>
          ) : null}
          {groups.map((g) => (
            <div key={g.group} role="group" aria-label={t(`groups.${g.group}`)}>
              <p className={styles.group}>{t(`groups.${g.group}`)}</p>
              {g.options.map((o) => (
                <a
                  key={o.id}
                  id={optionId(o)}
                  role="option"
                  aria-selected={o === current}
                  className={styles.option}
                  href={o.href}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={(event) => {
                    event.preventDefault();
                    go(o);
                  }}
                >
                  {o.label}
                </a>
              ))}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
