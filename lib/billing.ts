/** The services a customer subscribes to, each with its own monthly fee and its own line on a bill. */
export const SERVICE_KINDS = ['internet', 'landline', 'mobile', 'tv'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_LABELS: Record<ServiceKind, string> = {
  internet: 'Internet',
  landline: 'Landline',
  mobile: 'Mobile',
  tv: 'TV',
};

/** The legal compensation rules a region can follow (server/compensation-policies). */
export const LEGAL_POLICIES = ['pro-rata', 'es-rd899', 'uk-ofcom', 'us-ny-psc'] as const;
export type LegalPolicy = (typeof LEGAL_POLICIES)[number];

export const LEGAL_POLICY_LABELS: Record<LegalPolicy, string> = {
  'pro-rata': 'General pro-rata (fees × hours ÷ 720)',
  'es-rd899': 'Spain, RD 899/2009',
  'uk-ofcom': 'UK, Ofcom automatic compensation',
  'us-ny-psc': 'New York PSC outage credit',
};

/** The UK nations whose bank holidays count for Ofcom's working days (date-holidays' GB states). */
export const UK_NATIONS = ['ENG', 'SCT', 'WLS', 'NIR'] as const;
export type UkNation = (typeof UK_NATIONS)[number];

/** An engineer appointment's state: a cancellation counts as missed unless 24 hours' notice was given. */
export const APPOINTMENT_STATUSES = ['scheduled', 'kept', 'missed', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
