'use server';
import { getTranslations } from 'next-intl/server';
import { setPasswordSchema } from '@/lib/schemas/accounts';
import { getDb } from '@/server/db';
import { ApiError } from '@/server/http/api-error';
import { setPasswordWithLink } from '@/server/services/accounts';
import { formText, type PasswordFormState } from '@/lib/password-form-state';

/** The set-password form: a public action, so the link's token is its only credential. */
export async function setPasswordAction(_previous: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const t = await getTranslations('auth');
  const parsed = setPasswordSchema.safeParse({
    token: formText(form, 'token'),
    password: formText(form, 'password'),
    confirm: formText(form, 'confirm'),
  });
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0]?.message ?? t('errors.checkForm') };
  try {
    const { email } = await setPasswordWithLink(await getDb(), parsed.data.token, parsed.data.password);
    return { status: 'done', message: t('setPassword.done', { email }) };
  } catch (error) {
    if (error instanceof ApiError) return { status: 'error', message: error.message };
    throw error;
  }
}
