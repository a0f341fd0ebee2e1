import { config } from 'zod';

// Zod probes `new Function` to decide whether to compile its parsers. The Content-Security-Policy
// (proxy.ts) allows no eval, so the probe fails and the browser reports it as a violation; zod's
// parsers work the same without compiling.
config({ jitless: true });
