import type { AppointmentStatus, ServiceKind } from '../../lib/billing';
import type { CustomerSeed } from './demo-customers';
import { ANCHOR } from './demo-time';
import { rngFor } from './random';

export interface AppointmentSeed {
  appointmentRef: string;
  customer: number;
  service: ServiceKind;
  windowStart: number;
  windowEnd: number;
  status: AppointmentStatus;
  cancelledAt: number | null;
}

export interface OrderSeed {
  orderRef: string;
  customer: number;
  service: ServiceKind;
  orderedOn: string;
  promisedOn: string;
  startedOn: string | null;
}

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const STATUSES: readonly AppointmentStatus[] = ['kept', 'kept', 'kept', 'missed', 'cancelled', 'scheduled'];
const SERVICES: readonly ServiceKind[] = ['internet', 'landline', 'internet', 'tv'];

/**
 * Engineer appointments and new-service orders for one active customer in forty, over the 60 days
 * before the anchor: mostly kept or on time, some missed, cancelled late or started late. They owe
 * Ofcom compensation only in a region an admin sets to the UK policy.
 */
export function buildServiceFailures(customers: readonly CustomerSeed[]): {
  appointments: AppointmentSeed[];
  orders: OrderSeed[];
} {
  const rng = rngFor('service-failures');
  const appointments: AppointmentSeed[] = [];
  const orders: OrderSeed[] = [];
  customers.forEach((c, i) => {
    if (i % 40 !== 7 || (c.churnedAt !== null && c.churnedAt < ANCHOR)) return;
    const service = SERVICES[rng.int(0, SERVICES.length - 1)] ?? 'internet';
    const start = ANCHOR - rng.int(2, 60) * DAY - (ANCHOR % DAY) + 8 * 3_600_000;
    const status = STATUSES[rng.int(0, STATUSES.length - 1)] ?? 'kept';
    appointments.push({
      appointmentRef: `EA-${String(i).padStart(6, '0')}`,
      customer: i,
      service,
      windowStart: start,
      windowEnd: start + 5 * 3_600_000,
      status: start > ANCHOR ? 'scheduled' : status,
      // Half the cancellations come with less than 24 hours' notice.
      cancelledAt: status === 'cancelled' ? start - (rng.chance(0.5) ? 20 : 72) * 3_600_000 : null,
    });
    if (i % 80 === 7) {
      const ordered = start - 14 * DAY;
      const promised = ordered + 10 * DAY;
      const late = rng.int(0, 4);
      orders.push({
        orderRef: `SO-${String(i).padStart(6, '0')}`,
        customer: i,
        service: service === 'tv' ? 'landline' : service,
        orderedOn: day(ordered),
        promisedOn: day(promised),
        startedOn: promised + late * DAY > ANCHOR ? null : day(promised + late * DAY),
      });
    }
  });
  return { appointments, orders };
}
