/**
 * Whether the loyalty module is live for a tenant: customers earn, see and redeem points.
 * Until it is, nothing shown to customers (public page, booking) or owners promises points:
 * the settings are kept, the rewards block stays hidden. The loyalty issue turns this on.
 */
export function loyaltyLive(_tenant: { id: string }): boolean {
  return false;
}
