/**
 * The API as the tests use it, typed by the generated schema: reads that tell a test what the
 * pages should show, and preconditions (manual, docs/src/awards.md and evaluations.md): a Thailand Learning
 * City Awards cycle judged against the seeded framework `unesco-lca-2024-v1`, with one nomination
 * in judging and an evaluator assigned to it.
 */

/**
 * @typedef {import('../src/api/schema').components['schemas']} Schemas
 * @typedef {import('./harness.mjs').Service} Service
 */

/** The seeded programme the e2e cycles belong to (Thai cities only; no membership rule). */
export const PROGRAMME = 'thailand-learning-city-awards';
/** The seeded framework of the e2e cycles: the eight criteria of the 2024 UNESCO call, coded 1 to 8. */
export const FRAMEWORK = 'unesco-lca-2024-v1';

/**
 * The JSON body of a call.
 * @param {ReturnType<Service['call']>} call @returns {Promise<unknown>}
 */
async function bodyOf(call) {
  return (await call).body;
}

/** Public reads. */
export const read = {
  /** @param {Service} service @param {string} slug */
  city: (service, slug) => /** @type {Promise<Schemas['City']>} */ (bodyOf(service.call('GET', `/api/v1/cities/${slug}`))),
  /** @param {Service} service @param {string} query such as `country=TH&q=Phayao` */
  cities: (service, query) =>
    /** @type {Promise<Schemas['CityPage']>} */ (bodyOf(service.call('GET', `/api/v1/cities?${query}`))),
  /** @param {Service} service */
  overview: (service) => /** @type {Promise<Schemas['CountTable']>} */ (bodyOf(service.call('GET', '/api/v1/stats/overview'))),
  /** @param {Service} service @param {string} slug */
  network: (service, slug) =>
    /** @type {Promise<Schemas['Network']>} */ (bodyOf(service.call('GET', `/api/v1/networks/${slug}`))),
  /** @param {Service} service @param {string} slug */
  event: (service, slug) => /** @type {Promise<Schemas['Event']>} */ (bodyOf(service.call('GET', `/api/v1/events/${slug}`))),
  /** @param {Service} service @param {string} slug */
  organisation: (service, slug) =>
    /** @type {Promise<Schemas['Organisation']>} */ (bodyOf(service.call('GET', `/api/v1/organisations/${slug}`))),
  /** @param {Service} service @param {string} slug */
  programme: (service, slug) =>
    /** @type {Promise<Schemas['Programme']>} */ (bodyOf(service.call('GET', `/api/v1/award-programmes/${slug}`))),
  /** @param {Service} service @param {string} programme */
  cycles: (service, programme) =>
    /** @type {Promise<Schemas['CyclePage']>} */ (bodyOf(service.call('GET', `/api/v1/award-cycles?programme=${programme}`))),
  /** @param {Service} service @param {number} id */
  cycle: (service, id) => /** @type {Promise<Schemas['Cycle']>} */ (bodyOf(service.call('GET', `/api/v1/award-cycles/${id}`))),
  /** @param {Service} service @param {number} id @param {string} category */
  ranking: (service, id, category) =>
    /** @type {Promise<Schemas['Ranking']>} */ (
      bodyOf(service.call('GET', `/api/v1/award-cycles/${id}/rankings?category=${category}`))
    ),
  /** @param {Service} service @param {string} slug */
  framework: (service, slug) =>
    /** @type {Promise<Schemas['Framework']>} */ (bodyOf(service.call('GET', `/api/v1/frameworks/${slug}`))),
};

/**
 * One evaluation, as its evaluator or the secretariat sees it.
 * @param {Service} service @param {string} token @param {number} id
 */
export function evaluation(service, token, id) {
  return /** @type {Promise<Schemas['Evaluation']>} */ (bodyOf(service.call('GET', `/api/v1/evaluations/${id}`, { token })));
}

/**
 * Creates a cycle of `year` with one category, opens it, nominates `city`, moves it to judging
 * and assigns `evaluator` to the nomination.
 * @param {Service} service @param {string} token a secretariat's access token
 * @param {{ year: number, city: string, evaluator: number }} what
 */
export async function judgingCycle(service, token, { year, city, evaluator }) {
  const category = `e2e-${year}-equity`;
  const title = `E2E Thailand Learning City Awards ${year}`;
  const cycle = /** @type {Schemas['Cycle']} */ (
    await bodyOf(
      service.call('POST', '/api/v1/award-cycles', {
        token,
        body: {
          programme: PROGRAMME,
          year,
          title: { en: title, th: `รางวัลเมืองแห่งการเรียนรู้ประเทศไทย ${year} (ทดสอบ)` },
          framework: FRAMEWORK,
          categories: [
            { slug: category, name: { en: 'Learning City for Equity', th: 'เมืองแห่งการเรียนรู้เพื่อความเสมอภาค' } },
          ],
        },
      }),
    )
  );
  await moveCycle(service, token, cycle.id, 'open');
  const nomination = /** @type {Schemas['Nomination']} */ (
    await bodyOf(
      service.call('POST', '/api/v1/nominations', {
        token,
        body: { category, city, statement: 'Nominated by the end-to-end test.' },
      }),
    )
  );
  await moveCycle(service, token, cycle.id, 'judging');
  const assigned = /** @type {Schemas['Evaluation']} */ (
    await bodyOf(service.call('POST', '/api/v1/evaluations', { token, body: { evaluator, nomination: nomination.id } }))
  );
  return { cycleId: cycle.id, title, category, nominationId: nomination.id, evaluationId: assigned.id };
}

/**
 * Moves a cycle one stage forward.
 * @param {Service} service @param {string} token @param {number} id @param {Schemas['CycleStatus']} status
 */
export async function moveCycle(service, token, id, status) {
  await service.call('POST', `/api/v1/award-cycles/${id}/status`, { token, body: { status } });
}

/**
 * The leaf criteria of a framework (the ones scored), in framework order.
 * @param {Service} service @param {string} [slug]
 */
export async function leaves(service, slug = FRAMEWORK) {
  const framework = await read.framework(service, slug);
  const criteria = framework.criteria ?? [];
  const parents = new Set(criteria.map((c) => c.parent).filter((p) => p != null));
  return criteria.filter((c) => !parents.has(c.code));
}

/**
 * A score on a criterion's scale that differs from one criterion to the next.
 * @param {Schemas['Criterion']} criterion @param {number} index its place among the scored criteria
 */
export function scoreFor(criterion, index) {
  const span = criterion.scale_max - criterion.scale_min;
  return criterion.scale_min + ((index * 3 + 2) % (span + 1));
}

/**
 * The evaluator scores every criterion (through the API) and submits.
 * @param {Service} service @param {string} token the evaluator's access token @param {number} id
 */
export async function scoreAndSubmit(service, token, id) {
  const criteria = await leaves(service);
  await service.call('PUT', `/api/v1/evaluations/${id}/scores`, {
    token,
    body: { scores: criteria.map((c, i) => ({ criterion: c.code, score: scoreFor(c, i) })) },
  });
  await service.call('POST', `/api/v1/evaluations/${id}/submit`, { token });
}
