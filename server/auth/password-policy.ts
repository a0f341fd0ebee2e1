import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/schemas/accounts';
import { ApiError } from '../http/api-error';

/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  });
  return factory;
}

/** The person's own email and name, whole and in pieces, so "maria.garcia2024" counts as guessable. */
function personalWords(person: { email: string; name: string }): string[] {
  const local = person.email.split('@')[0] ?? '';
  const pieces = [
    person.email,
    local,
    local.replace(/[._+-]+/g, ''),
    person.name,
    person.name.replace(/\s+/g, ''),
    ...local.split(/[._+-]+/),
    ...person.name.split(/\s+/),
    ...person.email.split(/[@.]/),
  ];
  return [...new Set(pieces.map((p) => p.trim().toLowerCase()).filter((p) => p.length >= 3)), 'holdfast'];
}

/** Why a password is refused, in words for the person choosing it; null when it is acceptable. */
export function passwordProblem(password: string, person: { email: string; name: string }): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const result = zxcvbn().check(password, personalWords(person));
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ?? 'It is a common password or follows a common pattern.';
  const hint = result.feedback.suggestions[0] ?? 'A few unrelated words make a long password that is easy to remember.';
  return `This password is too easy to guess. ${why} ${hint}`;
}

/** Throws a 400 with the reason when the password does not meet the policy. */
export function assertPasswordPolicy(password: string, person: { email: string; name: string }): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new ApiError('bad_request', problem);
}
