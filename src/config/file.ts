/** The configuration file parity loads from the working folder when no -c is given. Its own module so start-up does not load the config schema (zod) to know the name. */
export const DEFAULT_CONFIG_FILE = 'parity.config.json';
