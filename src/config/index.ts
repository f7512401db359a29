// The config folder's door: load the configuration once (defaults, YAML file, flags),
// validated and frozen, and the typed slices handed down to the stages; and the YAML
// editor `feedwright sources` writes the file with.

export type { CategoryConfig, RawConfig, ResolvedConfig, SiteRule, SourceConfig, TagConfig } from './schema.js';
export {
  DEFAULT_CONFIG_FILE,
  loadConfig,
  loadSiteRules,
  resolveConfig,
  type LoadConfigOptions,
} from './load-config.js';
export { readConfigDocument, sourcesSequence, writeConfigDocument, type ConfigDocument } from './config-document.js';
