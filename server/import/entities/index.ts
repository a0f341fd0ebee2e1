import 'server-only';
import type { ImportEntity } from '@/lib/schemas/import';
import type { EntityImporter } from '../entity';
import { compensationsImporter } from './compensations';
import { customersImporter } from './customers';
import { disputesImporter } from './disputes';
import { postcodesImporter, regionsImporter } from './geography';
import { outagesImporter } from './outages';
import { retentionCasesImporter } from './retention-cases';
import { usersImporter } from './users';

export const IMPORTERS: Record<ImportEntity, EntityImporter<unknown>> = {
  regions: regionsImporter,
  postcodes: postcodesImporter,
  users: usersImporter,
  customers: customersImporter,
  retention_cases: retentionCasesImporter,
  disputes: disputesImporter,
  outages: outagesImporter,
  compensations: compensationsImporter,
};
