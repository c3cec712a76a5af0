export { DEMO_ACCOUNTS, DEMO_PRODUCTS, seedDemoData, type DemoAccount } from './demo-seed.js';
export { bulkUserEmail, seedBulkData, type BulkSeedOptions } from './bulk-seed.js';
