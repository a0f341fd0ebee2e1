import type { z } from 'zod';

/** The first problem the shared schema finds with a form's input, in words; null when it passes. */
export function problemWith<S extends z.ZodType>(schema: S, input: z.input<S>, fallback: string): string | null {
  const result = schema.safeParse(input);
  return result.success ? null : (result.error.issues[0]?.message ?? fallback);
}
