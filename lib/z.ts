import { z } from 'zod';

// Extension pages and content scripts forbid eval (MV3 CSP). Without this, zod probes `new Function`
// on first use, which the browser reports as a CSP violation.
z.config({ jitless: true });

export { z };
