// What the scale bench's server, client and baseline agree on: the business day, the dealers
// and SKUs the seed creates, and the one dealer price every line carries.
export const DAY = '2026-11-27';
export const DEALERS = 20;
export const SKUS = 300;
export const PRICE = 10_000;
