/**
 * Where commands load the configuration from (kept so that imports of `config/open.js` keep
 * working): the loader itself is config/load.ts (`-c`, `./parity.config.json`, `--no-config`).
 */
export { DEFAULT_CONFIG_FILE, loadConfig, noteConfigSource, type LoadedConfig } from './load.js';
