// The build starts from an empty dist/: a module that was moved or deleted in src/ must not live on
// as a stale file that tests, scripts or the published package can still import.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
