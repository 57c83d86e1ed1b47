// The register part of the pure core: selling math, journal, control unit, receipts, day reports.

export * from './canonical-json';
export * from './card-terminal';
export * from './card-terminal-nexo';
export * from './card-terminal-simulator';
export * from './compute-receipt';
export * from './control-unit';
export * from './control-unit-simulator';
export * from './day-report';
export * from './day-report-document';
export * from './discounts';
export * from './gift-card-lines';
export * from './journal';
export * from './promotion-lines';
export * from './receipt-document';
export * from './receipt-html';
export * from './settle-payments';
export * from './types';
