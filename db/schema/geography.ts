import { index, pgTable, text } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const postcodes = pgTable(
  'postcodes',
  {
    postcode: text('postcode').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [index('postcodes_region_idx').on(t.regionCode)],
);
