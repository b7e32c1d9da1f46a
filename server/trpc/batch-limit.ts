/** Calls in one tRPC HTTP batch, at most: the server refuses more (400), the dashboard's client splits at this size. */
export const TRPC_MAX_BATCH_SIZE = 10;
