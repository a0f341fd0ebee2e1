export * from './geography';
export * from './users';
export * from './customers';
export * from './retention';
export * from './disputes';
export * from './outages';
export * from './compensations';
export * from './operations';
