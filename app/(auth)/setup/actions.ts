'use server';
import { getTranslations } from 'next-intl/server';
import { formText, type PasswordFormState } from '@/lib/password-form-state';
import { setupSchema } from '@/lib/schemas/accounts';
import { getDb } from '@/server/db';
import { ApiError } from '@/server/http/api-error';
import { completeSetup } from '@/server/services/accounts';
import { removeSetupLinkFile } from '@/server/setup-link-file';

/** The first-run form: a public action whose only credential is the setup link's token. */
export async function setupAction(_previous: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const t = await getTranslations('auth');
  const parsed = setupSchema.safeParse({
    token: formText(form, 'token'),
    email: formText(form, 'email'),
    name: formText(form, 'name'),
    password: formText(form, 'password'),
    confirm: formText(form, 'confirm'),
  });
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0]?.message ?? t('errors.checkForm') };
  try {
    const admin = await completeSetup(await getDb(), parsed.data);
    removeSetupLinkFile();
    return { status: 'done', message: t('setup.done', { email: admin.email }) };
  } catch (error) {
    if (error instanceof ApiError) return { status: 'error', message: error.message };
    throw error;
  }
}
