/** The running Pulse version; the database records which migrations it has, not this. */
export const PULSE_VERSION = '0.1.0';
