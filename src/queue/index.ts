// The queue folder's door: queue mode (issue 15), feedwright's work spread over any number
// of workers through Redis. So far: the fleet-wide per-host limit (a lease set per host).

export { createHostLeases, type HostLeaseOptions, type HostLeases } from './host-lease.js';
