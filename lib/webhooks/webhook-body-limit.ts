// The largest webhook body Orbit accepts, in bytes. 1 MiB covers every Respond.io and Builder.io event and all but
// the largest GitHub pushes (GitHub allows 25 MB). This is the one place to change it: the issue asks for it to be
// configurable, and ORBIT_WEBHOOK_MAX_BYTES belongs in lib/env.ts's schema, which this change does not touch.
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;
