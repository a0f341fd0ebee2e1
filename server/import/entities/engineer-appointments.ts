import 'server-only';
import { engineerAppointments } from '@/db/schema';
import { APPOINTMENT_STATUSES, SERVICE_KINDS, type AppointmentStatus, type ServiceKind } from '@/lib/billing';
import type { EntityImporter } from '../entity';

interface AppointmentDraft {
  appointmentRef: string;
  accountNumber: string;
  service: ServiceKind;
  windowStart: Date;
  windowEnd: Date;
  status: AppointmentStatus;
  cancelledAt: Date | null;
}

const UPDATABLE = {
  account_number: 'customerId',
  service: 'service',
  window_start: 'windowStart',
  window_end: 'windowEnd',
  status: 'status',
  cancelled_at: 'cancelledAt',
} as const;

/** An engineer appointment: its window and what became of it; cancelled_at exactly when cancelled. */
export const engineerAppointmentsImporter: EntityImporter<AppointmentDraft> = {
  columns: [
    { name: 'appointment_ref', required: true },
    { name: 'account_number', required: true },
    { name: 'service', required: true },
    { name: 'window_start', required: true },
    { name: 'window_end', required: true },
    { name: 'status', required: true },
    { name: 'cancelled_at', required: false },
  ],
  parse(r) {
    const required = { required: true };
    const appointmentRef = r.text('appointment_ref', required);
    const accountNumber = r.ref('account_number', 'customer', required);
    const service = r.vocabulary('service', SERVICE_KINDS, required);
    const windowStart = r.instant('window_start', required);
    const windowEnd = r.instant('window_end', required);
    const status = r.vocabulary('status', APPOINTMENT_STATUSES, required);
    const cancelledAt = r.instant('cancelled_at');
    if (windowStart !== null && windowEnd !== null && windowEnd <= windowStart) {
      r.fail('window_end', `must be after window_start (${r.raw('window_start')})`);
    }
    if (status === 'cancelled' && cancelledAt === null && r.raw('cancelled_at').trim() === '') {
      r.fail('cancelled_at', 'required when status is cancelled');
    }
    if (status !== null && status !== 'cancelled' && cancelledAt !== null) {
      r.fail('cancelled_at', `must be empty unless status is cancelled (status is ${status})`);
    }
    if (
      appointmentRef === null ||
      accountNumber === null ||
      service === null ||
      windowStart === null ||
      windowEnd === null ||
      status === null
    ) {
      return null;
    }
    return { appointmentRef, accountNumber, service, windowStart, windowEnd, status, cancelledAt };
  },
  key: (d) => d.appointmentRef,
  async write(out, drafts, lookup, present) {
    const rows = drafts.map(({ accountNumber, ...d }) => ({ ...d, customerId: lookup.id('customer', accountNumber) }));
    await out.upsert({ table: engineerAppointments, target: 'appointmentRef', fromCsv: UPDATABLE }, rows, present);
  },
};
