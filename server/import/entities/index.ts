import 'server-only';
import type { ImportEntity } from '@/lib/schemas/import';
import type { EntityImporter } from '../entity';
import { billsImporter } from './bills';
import { compensationsImporter } from './compensations';
import { customerServicesImporter } from './customer-services';
import { customersImporter } from './customers';
import { disputesImporter } from './disputes';
import { engineerAppointmentsImporter } from './engineer-appointments';
import { postcodesImporter, regionsImporter } from './geography';
import { outagesImporter } from './outages';
import { retentionCasesImporter } from './retention-cases';
import { serviceOrdersImporter } from './service-orders';
import { usersImporter } from './users';

export const IMPORTERS: Record<ImportEntity, EntityImporter<unknown>> = {
  regions: regionsImporter,
  postcodes: postcodesImporter,
  users: usersImporter,
  customers: customersImporter,
  customer_services: customerServicesImporter,
  bills: billsImporter,
  retention_cases: retentionCasesImporter,
  disputes: disputesImporter,
  outages: outagesImporter,
  compensations: compensationsImporter,
  service_orders: serviceOrdersImporter,
  engineer_appointments: engineerAppointmentsImporter,
};
