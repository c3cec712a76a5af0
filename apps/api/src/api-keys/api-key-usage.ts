import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../platform/clock.js';
import { ApiKeysRepository } from './api-keys.repository.js';

/** A key's last use is written at most once per this interval. */
export const LAST_USED_INTERVAL_MS = 60_000;
/** How long uses gather in memory before one write records them all. */
const FLUSH_DELAY_MS = 5_000;

/**
 * Coalesces `last_used_at`: a request only notes its key in memory, and a timer writes the noted
 * keys in one UPDATE, off the request path. A key whose recorded last use is younger than the
 * interval is not noted at all, so a busy key costs one write a minute, not one per request.
 */
@Injectable()
export class ApiKeyUsage implements OnModuleDestroy {
  private readonly logger = new Logger(ApiKeyUsage.name);
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly clock: Clock,
  ) {}

  /** Notes a use of the key whose recorded last use is `lastUsedAt`. */
  note(keyId: string, lastUsedAt: Date | null): void {
    const now = this.clock.now().getTime();
    if (lastUsedAt && now - lastUsedAt.getTime() < LAST_USED_INTERVAL_MS) return;
    this.pending.add(keyId);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS).unref();
  }

  /** Writes the noted uses now. A failed write is logged and dropped: it is only a timestamp. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const keyIds = [...this.pending];
    this.pending.clear();
    const now = this.clock.now();
    try {
      await this.keys.recordUse(keyIds, now, new Date(now.getTime() - LAST_USED_INTERVAL_MS));
    } catch (error) {
      this.logger.warn(
        `could not record the last use of ${keyIds.length} API keys: ${String(error)}`,
      );
    }
  }

  /** Writes what is pending on shutdown; Nest destroys this module before the (global) database. */
  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }
}
