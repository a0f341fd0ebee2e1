'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { ResolvedFilters } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';
import { FilterBar } from './filter-bar';

export function FilterBarLoader({ filters, showRep }: { filters: ResolvedFilters; showRep?: boolean }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.dashboard.filterOptions.queryOptions());
  return <FilterBar filters={filters} options={data} showRep={showRep} />;
}
