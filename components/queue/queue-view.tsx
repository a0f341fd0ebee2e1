'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { RowSelectionState } from '@tanstack/react-table';
import { createSerializer, useQueryStates } from 'nuqs';
import { useTranslations } from 'next-intl';
import { Suspense, useState, useTransition } from 'react';
import {
  firstQueueDirection,
  QUEUE_VIEW_KEYS,
  queueFiltersOf,
  queueUrlParsers,
  type QueueListInput,
  type QueueSort,
  type QueueUrl,
} from '@/lib/schemas/queue';
import { useTRPC } from '@/lib/trpc/react';
import { BulkActions } from './bulk-actions';
import { QueueCounts } from './queue-counts';
import { QueueFilterBar, type QueueUrlPatch } from './queue-filter-bar';
import { QueueTable } from './queue-table';
import { SavedViews } from './saved-views';
import type { Assignee, QueueDisplay } from './types';
import styles from './queue.module.css';

const serialize = createSerializer(queueUrlParsers);

/** The part of the URL a saved view keeps: filters and order, not the page. */
function viewQuery(url: QueueUrl): string {
  const kept = Object.fromEntries(QUEUE_VIEW_KEYS.map((key) => [key, url[key]])) as Partial<QueueUrl>;
  return serialize(kept).replace(/^\?/, '');
}

interface QueueViewProps {
  input: QueueListInput;
  manager: boolean;
  display: QueueDisplay;
}

/**
 * The queue page's client side. `input` is what the server parsed from the URL and prefetched;
 * every control writes the URL (a real navigation, so Back and shared links work) and the
 * server answers with the new input.
 */
export function QueueView(props: QueueViewProps) {
  return props.manager ? <ManagerQueue {...props} /> : <QueueBody {...props} assignees={null} />;
}

/** A manager also filters by assignee and hands disputes to the reps of their scope. */
function ManagerQueue(props: QueueViewProps) {
  const trpc = useTRPC();
  const { data: assignees } = useSuspenseQuery(trpc.queue.assignees.queryOptions());
  return <QueueBody {...props} assignees={assignees} />;
}

function QueueBody({ input, display, assignees }: QueueViewProps & { assignees: readonly Assignee[] | null }) {
  const trpc = useTRPC();
  const t = useTranslations('queue');
  const manager = assignees !== null;
  const [isPending, startTransition] = useTransition();
  const [url, setUrl] = useQueryStates(queueUrlParsers, { shallow: false, history: 'push', startTransition });
  const { data } = useSuspenseQuery(trpc.queue.list.queryOptions(input));
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [selectionFor, setSelectionFor] = useState(data);

  // A new page, filter or reload replaces the rows: keep only the selected ones still shown.
  if (selectionFor !== data) {
    setSelectionFor(data);
    const shown = new Set(data.rows.map((r) => r.ref));
    const kept = Object.fromEntries(Object.entries(selection).filter(([ref, on]) => on && shown.has(ref)));
    if (Object.keys(kept).length !== Object.keys(selection).length) setSelection(kept);
  }

  const update = (patch: QueueUrlPatch) => void setUrl(patch);
  const sortBy = (sort: QueueSort) => {
    const dir = sort === data.sort ? (data.dir === 'asc' ? 'desc' : 'asc') : firstQueueDirection(sort);
    update({ sort, dir, page: null });
  };
  const goTo = (page: number) => void setUrl({ page: page <= 1 ? null : page }, { scroll: true });
  const selectedRows = data.rows.filter((r) => selection[r.ref]);

  return (
    <>
      <QueueFilterBar
        values={url}
        onChange={update}
        assignees={assignees}
        currency={display.currency}
        busy={isPending}
      />
      <Suspense fallback={<p className="muted">{t('loadingViews')}</p>}>
        <SavedViews currentQuery={viewQuery(url)} />
      </Suspense>
      <Suspense fallback={<div className={`cards ${styles.counts}`} />}>
        <QueueCounts filters={queueFiltersOf(input)} onPick={(sla) => update({ sla, page: null })} />
      </Suspense>
      {assignees ? <BulkActions selected={selectedRows} assignees={assignees} onDone={() => setSelection({})} /> : null}
      <QueueTable
        data={data}
        display={display}
        manager={manager}
        selection={selection}
        onSelectionChange={setSelection}
        onSort={sortBy}
        onPage={goTo}
        busy={isPending}
      />
    </>
  );
}
