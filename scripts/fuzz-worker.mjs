// The child process of scripts/fuzz.ts: registers tsx (the project runs TypeScript without a build), then loads the
// fuzz module, which serves the cases the main process sends.
import { register } from 'tsx/esm/api';

register();
await import('./fuzz.ts');
