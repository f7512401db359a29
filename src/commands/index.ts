// The commands folder's door, for cli.ts: each command's handler module, loaded when the
// command runs, so `--help` and `status` start without loading the pipeline's libraries.

export const loadRunCommand = () => import('./run-command.js');
export const loadStatusCommand = () => import('./status-command.js');
export const loadValidateCommand = () => import('./validate-command.js');
export const loadInitProject = () => import('./init-project.js');
export const loadManageSources = () => import('./manage-sources.js');
export const loadExtractCommand = () => import('./extract-command.js');
export const loadQueueCommands = () => import('./queue-commands.js');
