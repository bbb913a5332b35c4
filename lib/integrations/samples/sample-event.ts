/** A stored sample delivery of one platform: the JSON body and, where the platform sends it in a header, its type. */
export type SampleEvent = { payload: Record<string, unknown>; eventType: string | null };
