import assert from 'node:assert/strict';
import { decideUpdate } from '../../shared/merge';

describe('stale updates: conflict unless the changed fields did not move on the server', () => {
  const base = { code: 'D1', name: '锦程', phone: '1' };
  const cases: [string, Parameters<typeof decideUpdate>[0], string, unknown?][] = [
    [
      'same values',
      { current: base, currentVersion: 3, incoming: base, baseVersion: 1, base },
      'unchanged',
    ],
    [
      'current version',
      {
        current: base,
        currentVersion: 3,
        incoming: { ...base, name: 'x' },
        baseVersion: 3,
        base: null,
      },
      'apply',
      { ...base, name: 'x' },
    ],
    [
      'disjoint fields merge',
      {
        current: { ...base, phone: '2' },
        currentVersion: 2,
        incoming: { ...base, name: 'x' },
        baseVersion: 1,
        base,
      },
      'apply',
      { code: 'D1', name: 'x', phone: '2' },
    ],
    [
      'same field clashes',
      {
        current: { ...base, name: 'y' },
        currentVersion: 2,
        incoming: { ...base, name: 'x' },
        baseVersion: 1,
        base,
      },
      'conflict',
      ['name'],
    ],
    [
      'no base version',
      {
        current: base,
        currentVersion: 2,
        incoming: { ...base, name: 'x' },
        baseVersion: undefined,
        base: null,
      },
      'conflict',
      ['name'],
    ],
    [
      'base unknown',
      {
        current: base,
        currentVersion: 2,
        incoming: { ...base, name: 'x' },
        baseVersion: 1,
        base: null,
      },
      'conflict',
      ['name'],
    ],
  ];
  for (const [name, input, kind, detail] of cases) {
    it(name, () => {
      const decision = decideUpdate(input);
      assert.equal(decision.kind, kind);
      if (decision.kind === 'apply') assert.deepEqual(decision.values, detail);
      if (decision.kind === 'conflict') assert.deepEqual(decision.fields, detail);
    });
  }
});
