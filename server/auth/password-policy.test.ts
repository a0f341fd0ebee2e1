import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

const maria = { email: 'maria.garcia@example.test', name: 'Maria Garcia' };

describe('password policy', () => {
  it('asks for at least 12 characters and at most 200', () => {
    expect(passwordProblem('Xq7!vLm2#pR', maria)).toBe('Use at least 12 characters.');
    expect(passwordProblem('x'.repeat(201), maria)).toBe('Use at most 200 characters.');
  });

  it('refuses common passwords and patterns, saying why', () => {
    expect(passwordProblem('password1234', maria)).toMatch(/^This password is too easy to guess\. This is similar to a commonly used password\./);
    expect(passwordProblem('qwertyuiop123', maria)).toMatch(/too easy to guess/);
    expect(passwordProblem('aaaaaaaaaaaaaaa', maria)).toMatch(/Repeated characters/);
  });

  it('refuses passwords built from the person’s own email or name, or the product name', () => {
    expect(passwordProblem('maria.garcia2024', maria)).toMatch(/personal/);
    expect(passwordProblem('mariagarcia2024', maria)).toMatch(/personal/);
    expect(passwordProblem('holdfast-demo', maria)).toMatch(/too easy to guess/);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('quiet-harbor-lantern-42', maria)).toBeNull();
  });
});
