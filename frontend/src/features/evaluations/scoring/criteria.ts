/**
 * The pure side of the scoring form: the criteria tree of a framework, the form's values per
 * scorable criterion, the body of `PUT /evaluations/{id}/scores`, and where the API's answers
 * point back into the form.
 */
import type { components } from '@/api/schema';
import type { FieldError } from '@/api/problem';

export type Criterion = components['schemas']['Criterion'];
export type Score = components['schemas']['Score'];
export type ScoreInput = components['schemas']['ScoreInput'];

/** A criterion with its children, in the framework's order. */
export interface CriterionNode {
  criterion: Criterion;
  children: CriterionNode[];
}

/** What the evaluator typed for one scorable criterion; the score as text, '' for none. */
export interface LeafValue {
  score: string;
  comment: string;
  links: string;
}

/** The criteria as a tree (area → focus → feature), siblings by position. */
export function buildTree(criteria: Criterion[]): CriterionNode[] {
  const nodes = new Map<string, CriterionNode>();
  for (const criterion of criteria) nodes.set(criterion.code, { criterion, children: [] });
  const roots: CriterionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.criterion.parent ? nodes.get(node.criterion.parent) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (list: CriterionNode[]) => {
    list.sort((a, b) => a.criterion.position - b.criterion.position);
    list.forEach((n) => order(n.children));
  };
  order(roots);
  return roots;
}

/** The scorable criteria (the leaves), in tree order. */
export function leavesOf(tree: CriterionNode[]): Criterion[] {
  return tree.flatMap((n) => (n.children.length === 0 ? [n.criterion] : leavesOf(n.children)));
}

/** The form's starting values: the saved scores, and empty fields for the rest. */
export function initialValues(leaves: Criterion[], scores: Score[]): Record<string, LeafValue> {
  const saved = new Map(scores.map((s) => [s.criterion, s]));
  return Object.fromEntries(
    leaves.map((leaf) => {
      const s = saved.get(leaf.code);
      return [
        leaf.code,
        { score: s ? String(s.score) : '', comment: s?.comment ?? '', links: s ? s.evidence_links.join('\n') : '' },
      ];
    }),
  );
}

/** The evidence links typed one per line. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The result of reading the form: the body to send, or the criteria whose score is not a number. */
export type ScoresBody = { ok: true; scores: ScoreInput[] } | { ok: false; invalid: string[] };

/**
 * The scores to save: every criterion with a score, and `score: null` for a saved score the
 * evaluator cleared. Criteria without a score, saved or typed, are left out.
 */
export function scoresBody(leaves: Criterion[], values: Record<string, LeafValue>, saved: Score[]): ScoresBody {
  const had = new Set(saved.map((s) => s.criterion));
  const scores: ScoreInput[] = [];
  const invalid: string[] = [];
  for (const leaf of leaves) {
    const value = values[leaf.code];
    if (!value) continue;
    const text = value.score.trim();
    if (text === '') {
      if (had.has(leaf.code)) scores.push({ criterion: leaf.code, score: null });
      continue;
    }
    const score = Number(text.replace(',', '.'));
    if (!Number.isFinite(score)) {
      invalid.push(leaf.code);
      continue;
    }
    scores.push({
      criterion: leaf.code,
      score,
      comment: value.comment.trim() || null,
      evidence_links: linesOf(value.links),
    });
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, scores };
}

/**
 * The API's field errors of a save (`scores[2].score`, ...) by the criterion code of the entry
 * they name, given the entries that were sent.
 */
export function errorsByCriterion(errors: FieldError[], sent: ScoreInput[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const error of errors) {
    const match = /^scores\[(\d+)\](?:\.(.+))?$/.exec(error.field);
    const entry = match ? sent[Number(match[1])] : undefined;
    if (!entry) continue;
    const field = match?.[2];
    (out[entry.criterion] ??= []).push(field ? `${field}: ${error.message}` : error.message);
  }
  return out;
}

/**
 * The criteria an `incomplete_evaluation` answer names. Its `detail` lists the missing codes;
 * where none of them can be read, the required criteria without a saved score are the answer.
 */
export function missingCriteria(detail: string, leaves: Criterion[], saved: Score[]): Criterion[] {
  const listed = detail.includes(':') ? detail.slice(detail.lastIndexOf(':') + 1) : detail;
  const codes = new Set(listed.split(/[\s,;]+/).filter(Boolean));
  const named = leaves.filter((l) => codes.has(l.code));
  if (named.length > 0) return named;
  const scored = new Set(saved.map((s) => s.criterion));
  return leaves.filter((l) => l.required && !scored.has(l.code));
}

/** True when any typed value differs from the starting values. */
export function isDirty(initial: Record<string, LeafValue>, values: Record<string, LeafValue>): boolean {
  return Object.keys(values).some((code) => {
    const a = initial[code];
    const b = values[code];
    return !a || !b || a.score !== b.score || a.comment !== b.comment || a.links !== b.links;
  });
}

/** Radio buttons for a short whole-number scale; a number input otherwise (or for a fractional score). */
export function usesRadios(criterion: Criterion, value: string): boolean {
  const span = criterion.scale_max - criterion.scale_min;
  return span > 0 && span <= 10 && (value === '' || Number.isInteger(Number(value)));
}

/** A link is shown as a link only when it is http(s); anything else stays text. */
export function isWebLink(text: string): boolean {
  return /^https?:\/\//i.test(text);
}
