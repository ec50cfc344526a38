import { describe, expect, it } from 'vitest';
import { buildTree, errorsByCriterion, initialValues, leavesOf, missingCriteria, scoresBody } from './criteria';
import { evaluation, framework } from './fixtures';

const leaves = leavesOf(buildTree(framework.criteria ?? []));

describe('the criteria helpers', () => {
  it('find the leaves in tree order', () => {
    expect(leaves.map((l) => l.code)).toEqual(['1.1.1', '1.1.2', '1.2.1', '2.1.1']);
  });

  it('refuse a score that is not a number instead of sending it', () => {
    const values = initialValues(leaves, []);
    values['1.1.2'] = { score: 'abc', comment: '', links: '' };
    expect(scoresBody(leaves, values, [])).toEqual({ ok: false, invalid: ['1.1.2'] });
  });

  it('point field errors to the criterion of the entry they name', () => {
    const sent = [{ criterion: '1.1.1', score: 4 }, { criterion: '2.1.1', score: 140 }];
    expect(errorsByCriterion([{ field: 'scores[1].score', message: 'must be from 0 to 100' }], sent)).toEqual({
      '2.1.1': ['score: must be from 0 to 100'],
    });
  });

  it('read the missing codes from the detail, or fall back to the unscored required criteria', () => {
    const saved = evaluation().scores;
    expect(missingCriteria('score every required criterion first; missing: 2.1.1', leaves, saved).map((l) => l.code)).toEqual(['2.1.1']);
    expect(missingCriteria('incomplete', leaves, saved).map((l) => l.code)).toEqual(['1.1.2', '2.1.1']);
  });
});
