import type { Role, Team } from '../../lib/vocabularies';
import { REGION_CODES, type RegionCode } from './demo-geography';

export interface UserSeed {
  email: string;
  name: string;
  role: Role;
  regionCode: RegionCode | null;
  team: Team | null;
  active: boolean;
  /** Billing reps: multiplies the hours a dispute takes to resolve. */
  speed: number;
  /** Billing reps who credit the full amount and add goodwill on top. */
  generous: boolean;
  /** Retention reps: the share of closed cases this rep saves. */
  skill: number;
  /** A rep who left: takes no new work after this instant. */
  leftAt: number | null;
}

export const DEMO_REP_EMAIL = 'rep@holdfast.demo';
export const INACTIVE_REP_EMAIL = 'raul.gil@holdfast.demo';
/** The demo's two retention stars and two over-generous billing reps, named so tests and docs can point at them. */
export const STAR_RETENTION_REPS = ['marta.vidal@holdfast.demo', 'pau.marti@holdfast.demo'] as const;
export const GENEROUS_BILLING_REPS = ['montse.soler@holdfast.demo', 'rocio.fernandez@holdfast.demo'] as const;

const INACTIVE_REP_LEFT_AT = Date.UTC(2025, 5, 30, 17, 0, 0);

interface RepLine {
  name: string;
  email?: string;
  speed?: number;
  skill?: number;
}

const BILLING: Record<RegionCode, RepLine[]> = {
  MAD: [
    { name: 'Laura Sánchez', email: DEMO_REP_EMAIL },
    { name: 'Alberto Ruiz' },
    { name: 'Beatriz Moreno', speed: 0.9 },
    { name: 'Carlos Jiménez', speed: 1.35 },
    { name: 'Nuria Delgado' },
    { name: 'Óscar Castillo', speed: 1.1 },
    { name: 'Patricia Romero', speed: 0.95 },
  ],
  CAT: [
    { name: 'Jordi Puig' },
    { name: 'Montse Soler', speed: 0.9 },
    { name: 'Marc Ferrer', speed: 1.15 },
    { name: 'Núria Costa' },
    { name: 'Albert Vila', speed: 0.95 },
    { name: 'Laia Roca', speed: 1.05 },
  ],
  AND: [
    { name: 'Manuel García', speed: 1.05 },
    { name: 'Rocío Fernández' },
    { name: 'Francisco Morales', speed: 1.3 },
    { name: 'Carmen Ortiz' },
    { name: 'Antonio Navarro', speed: 0.95 },
  ],
  VAL: [
    { name: 'Vicent Ribes' },
    { name: 'Amparo Sanchis', speed: 1.1 },
    { name: 'Sergio Pastor', speed: 0.9 },
    { name: 'Cristina Gil' },
  ],
  GAL: [{ name: 'Xoán Castro' }, { name: 'Uxía Varela', speed: 1.1 }, { name: 'Brais Otero', speed: 0.95 }],
  PVA: [
    { name: 'Aitor Etxeberria' },
    { name: 'Ane Zubizarreta', speed: 0.8 },
    { name: 'Iker Goikoetxea', speed: 1.05 },
  ],
};

const RETENTION: Record<RegionCode, RepLine[]> = {
  MAD: [
    { name: 'Diego Romero', email: 'retention@holdfast.demo', skill: 0.45 },
    { name: 'Marta Vidal', skill: 0.7 },
    { name: 'Hugo Serrano', skill: 0.3 },
  ],
  CAT: [
    { name: 'Pau Martí', skill: 0.64 },
    { name: 'Anna Riera', skill: 0.4 },
    { name: 'Xavier Font', skill: 0.36 },
  ],
  AND: [
    { name: 'Lucía Herrera', skill: 0.41 },
    { name: 'José Ramos', skill: 0.34 },
  ],
  VAL: [
    { name: 'Raquel Mora', skill: 0.39 },
    { name: 'Andrés Blasco', skill: 0.42 },
  ],
  GAL: [{ name: 'Iria Lema', skill: 0.4 }],
  PVA: [{ name: 'Miren Arrieta', skill: 0.43 }],
};

const MANAGERS: Record<RegionCode, { name: string; email: string }> = {
  MAD: { name: 'Javier Molina', email: 'manager.mad@holdfast.demo' },
  CAT: { name: 'Meritxell Pujol', email: 'manager.cat@holdfast.demo' },
  AND: { name: 'Rafael Domínguez', email: 'manager.and@holdfast.demo' },
  VAL: { name: 'Silvia Ferrándiz', email: 'manager.val@holdfast.demo' },
  GAL: { name: 'Tomás Pereira', email: 'manager.gal@holdfast.demo' },
  PVA: { name: 'Itziar Larrañaga', email: 'manager.pva@holdfast.demo' },
};

/** "Óscar Castillo" → "oscar.castillo@holdfast.demo". */
export function emailFor(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${slug}@holdfast.demo`;
}

function person(name: string, email: string, role: Role, regionCode: RegionCode | null, team: Team | null): UserSeed {
  return { email, name, role, regionCode, team, active: true, speed: 1, generous: false, skill: 0, leftAt: null };
}

export function buildUsers(): UserSeed[] {
  const users: UserSeed[] = [
    person('Rubén Prieto', 'admin@holdfast.demo', 'admin', null, null),
    person('Carmen Ortega', 'manager@holdfast.demo', 'manager', null, null),
    person('Elena Navarro', 'analyst@holdfast.demo', 'analyst', null, null),
    person('Irene Campos', emailFor('Irene Campos'), 'analyst', null, null),
    person('Daniel Vega', emailFor('Daniel Vega'), 'analyst', null, null),
  ];
  for (const code of REGION_CODES) {
    const manager = MANAGERS[code];
    users.push(person(manager.name, manager.email, 'manager', code, null));
  }
  for (const code of REGION_CODES) {
    for (const line of BILLING[code]) {
      const email = line.email ?? emailFor(line.name);
      const user = person(line.name, email, 'rep', code, 'billing');
      user.speed = line.speed ?? 1;
      user.generous = (GENEROUS_BILLING_REPS as readonly string[]).includes(email);
      users.push(user);
    }
    for (const line of RETENTION[code]) {
      const user = person(line.name, line.email ?? emailFor(line.name), 'rep', code, 'retention');
      user.skill = line.skill ?? 0.4;
      users.push(user);
    }
  }
  // Left in mid-2025: shows that a deactivated account keeps its history but cannot sign in.
  const leaver = person('Raúl Gil', INACTIVE_REP_EMAIL, 'rep', 'VAL', 'billing');
  leaver.active = false;
  leaver.leftAt = INACTIVE_REP_LEFT_AT;
  leaver.speed = 1.2;
  users.push(leaver);
  return users;
}

/** Reps of a team in a region who could take work at an instant. */
export function repsAt(users: readonly UserSeed[], team: Team, regionCode: RegionCode | null, at: number): UserSeed[] {
  return users.filter(
    (u) =>
      u.team === team && (regionCode === null || u.regionCode === regionCode) && (u.leftAt === null || u.leftAt > at),
  );
}
