import { register } from 'node:module';
register('./loadHooks.mjs', import.meta.url);
