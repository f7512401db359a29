#!/usr/bin/env node
// Entry point of the `feedwright` command (package.json `bin`): the compiled CLI in dist/.
// `npm install` in a clone builds dist/ (the `prepare` script); a packed or installed
// package ships it built.
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.js')) throw error;
  process.stderr.write(
    'feedwright: dist/ is not built: run "npm run build" (or "npm install") in the project folder\n',
  );
  process.exit(1);
}
await cli.runCli();
