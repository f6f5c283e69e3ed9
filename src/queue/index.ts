export { type DistributedAuditOptions, runDistributedAudit } from './distributed-audit.js';
export { failedShopEvidence } from './failed-evidence.js';
export {
  DEFAULT_QUEUE_NAME,
  parseQueueAddress,
  type QueueAddress,
  QueueAddressError,
} from './queue-address.js';
export {
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  runToken,
  SHOP_JOB_NAME,
  type ShopJobData,
  shopJobId,
} from './shop-job.js';
export {
  DEFAULT_LOCK_DURATION_MS,
  MAX_STALLED_COUNT,
  type ShopWorker,
  startShopWorker,
} from './shop-worker.js';
