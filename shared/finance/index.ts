// Finance rules: receipts, matching, allocation, receivables, ageing, credit control.
export * from './ageing';
export * from './allocation';
export * from './bank-line';
export * from './credit';
export * from './credit-notes';
export * from './dates';
export * from './match-index';
export * from './matching';
export * from './money';
export * from './open-item';
export * from './party';
export * from './receivables';
export * from './tokens';
