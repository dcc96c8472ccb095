/** After-sale cases: the record and its steps, the figures, files in and out, UI texts. */
export * from './case';
export * from './metrics';
export * from './io';
export * from './texts';
