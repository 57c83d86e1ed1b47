export * from './bas-accounts';
export * from './day-vouchers';
export * from './ocr';
export * from './vouchers';
