import { type ManualClock, asReal } from '@libs/testing/fakes';
import type { AuditRepository } from '../../src/audit/audit.repository.js';
import { AuditService } from '../../src/audit/audit.service.js';
import type { Clock } from '../../src/platform/clock.js';
import type { UnitOfWork } from '../../src/platform/database/unit-of-work.js';
import { InMemoryAuditRepository } from './audit.repository.fake.js';
import { InMemoryUnitOfWork } from './unit-of-work.fake.js';

/**
 * The real AuditService on an in-memory log, and a unit of work whose rollbacks the log
 * follows: what a unit test of a feature that records audit events needs.
 */
export function inMemoryAudit(clock: ManualClock | Clock): {
  events: InMemoryAuditRepository;
  audit: AuditService;
  unitOfWork: UnitOfWork;
} {
  const events = new InMemoryAuditRepository();
  return {
    events,
    audit: new AuditService(asReal<AuditRepository>(events), clock),
    unitOfWork: asReal<UnitOfWork>(new InMemoryUnitOfWork([events])),
  };
}
