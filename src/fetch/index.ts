// The fetch folder's door: the one HTTP client (timeouts, user agent, retries, size cap,
// conditional GET, per-host limit, the private-address guard). Every request goes through it.

export { createHttpClient, type FetchOptions, type HttpClient, type HttpClientOptions } from './http-client.js';
export type { HostGate } from './host-limiter.js';
export type { FetchRecorder } from './observe-fetch.js';
