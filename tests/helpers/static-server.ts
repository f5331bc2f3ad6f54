export * from '../../scripts/lib/static-server';
