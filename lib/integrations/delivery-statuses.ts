// The Prisma enum's values, importable from client components (which must not load the database client).
export const deliveryStatuses = [
  "received",
  "processing",
  "retrying",
  "succeeded",
  "failed",
  "dead",
  "unrouted",
  "rejected",
] as const;
export type DeliveryStatusName = (typeof deliveryStatuses)[number];
