export * from './bgmax';
export * from './bgmax-write';
export * from './invoice-amounts';
export * from './invoice-vouchers';
export * from './reminders';
