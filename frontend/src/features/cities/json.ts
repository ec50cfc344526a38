import { ApiProblem } from '../../api/problem';

/**
 * The JSON answer of a list that the API can also send as CSV or NDJSON. The shared client types
 * such answers as `T | string`; without `format` the API always sends JSON, so a string here is an
 * unexpected answer and is reported as one.
 */
export async function json<T extends object>(answer: Promise<T | string>): Promise<T> {
  const data = await answer;
  if (typeof data === 'string') throw new ApiProblem(0, 'unexpected_response', 'Unexpected response', data.slice(0, 200));
  return data;
}
