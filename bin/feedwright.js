#!/usr/bin/env node
// Entry point for `npx feedwright`: loads the TypeScript CLI through tsx's loader,
// so the project needs no build step before use.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
await runCli();
