export * from './roles';
export * from './events';
export * from './share-code';
export * from './counting';
export * from './chain';
export * from './visitor-label';
export * from './api';
export * from './scoring';
