/**
 * How long a search text may be. Kept apart from the zod schemas so the search box in the shell
 * (on every page) does not pull zod into the first-load bundle.
 */
export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_MAX_LENGTH = 100;
