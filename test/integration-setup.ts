// Runs before every integration test file. Files of a worker share one process when the project
// does not isolate them: numbering them lets test/db.ts tell the next file from a second
// database opened by the same one.
const worker = globalThis as typeof globalThis & { holdfastTestFile?: number };
worker.holdfastTestFile = (worker.holdfastTestFile ?? 0) + 1;
