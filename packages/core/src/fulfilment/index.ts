// The fulfilment part of the pure core: when a batch release is due, and the shape of a pick list.
export * from './pick-list';
export * from './release-times';
