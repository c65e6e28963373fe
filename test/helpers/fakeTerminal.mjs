// Preloaded (NODE_OPTIONS=--import) by e2e tests that need parity to write to a terminal of
// PARITY_TEST_COLUMNS columns: standard output says it is a TTY of that width (no pseudo-terminal needed).
Object.defineProperty(process.stdout, 'isTTY', { value: true });
Object.defineProperty(process.stdout, 'columns', { value: Number(process.env.PARITY_TEST_COLUMNS ?? 80) });
