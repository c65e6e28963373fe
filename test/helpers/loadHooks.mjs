// Module hooks for the start-up test: writes every module URL node loads to stderr as "LOADED <url>".
export async function load(url, context, next) {
  process.stderr.write(`LOADED ${url}\n`);
  return next(url, context);
}
