// Test helpers for Outcome values: unwrap an accepted value, or read a refusal's code.
import assert from 'node:assert/strict';
import type { Outcome } from '../../../shared/analysis/outcome';

export function accepted<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) assert.fail(`expected acceptance, got ${outcome.code}: ${outcome.message}`);
  return outcome.value;
}

export function refusalCode<T>(outcome: Outcome<T>): string {
  if (outcome.ok) assert.fail(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
  return outcome.code;
}
