import { z } from 'zod';
import { LOCALES } from '../locales';
import { ROLES, TEAMS } from '../vocabularies';
import { rowIdSchema } from './ids';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes whatever it gets; a cap keeps a megabyte "password" from costing the server. */
export const PASSWORD_MAX_LENGTH = 200;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email({ message: 'Enter a valid email address.' }));

export const personNameSchema = z.string().trim().min(1, 'Enter a name.').max(120);

/** Length only: the strength check needs the person's email and name, so the server does it. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

const regionCodeSchema = z.string().trim().min(1).max(16).nullable();

export const userIdSchema = z.object({ userId: rowIdSchema });

export const createUserSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: z.enum(ROLES),
  regionCode: regionCodeSchema,
  team: z.enum(TEAMS).nullable(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: rowIdSchema,
  role: z.enum(ROLES),
  regionCode: regionCodeSchema,
  team: z.enum(TEAMS).nullable(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
});

/** The one-time token of a set-password or setup link: 32 random bytes, base64url. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid.');

export const setPasswordSchema = z
  .object({ token: linkTokenSchema, password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: 'The two passwords differ.', path: ['confirm'] });

export const setupSchema = z
  .object({
    token: linkTokenSchema,
    email: emailSchema,
    name: personNameSchema,
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: 'The two passwords differ.', path: ['confirm'] });

/** The user's interface language; null = automatic (cookie, then the browser's languages). */
export const localePreferenceSchema = z.object({ locale: z.enum(LOCALES).nullable() });
