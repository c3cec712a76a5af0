// Evaluated first, so that @nestjs/throttler's require() calls find them ready (see below).
import '@nestjs/common';
import '@nestjs/core';

/**
 * @nestjs/throttler 6 is CommonJS and require()s @nestjs/common and @nestjs/core, which are ES
 * modules in Nest 12. Node handles that, but Jest's ES module loader runs the CommonJS bodies of
 * an import graph before its ES module bodies, so a static import turns those require() calls
 * into a cycle (ERR_REQUIRE_CYCLE_MODULE) in every e2e test. A dynamic import, once Nest's own
 * modules have been evaluated, loads it the same way in both. Types are imported statically
 * (`import type` is erased).
 */
export const { ThrottlerGuard, ThrottlerModule } = await import('@nestjs/throttler');
