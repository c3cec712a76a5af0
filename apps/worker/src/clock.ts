import { Injectable } from '@nestjs/common';

/** The current time, injected so tests can control token expiry without waiting. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
