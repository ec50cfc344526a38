import type { components } from './schema';

/** One offending field or parameter of a problem. */
export type FieldError = components['schemas']['FieldError'];

/**
 * An RFC 9457 problem from the API (or a network failure shaped like one). Screens switch on
 * `code`, never on the wording, and show `errors` next to the fields they name.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: number, code: string, title: string, detail: string, errors: FieldError[] = []) {
    super(detail || title);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }

  /** Reads a problem body; anything else becomes a generic problem with the response status. */
  static from(body: unknown, response: Response): ApiProblem {
    if (body && typeof body === 'object' && 'code' in body) {
      const p = body as Partial<components['schemas']['Problem']>;
      return new ApiProblem(
        p.status ?? response.status,
        p.code ?? 'unknown',
        p.title ?? response.statusText,
        p.detail ?? '',
        p.errors ?? [],
      );
    }
    return new ApiProblem(response.status, 'unexpected_response', response.statusText, String(body ?? ''));
  }

  /** The error of a request that never got an answer. */
  static network(cause: unknown): ApiProblem {
    return new ApiProblem(0, 'network_error', 'Network error', cause instanceof Error ? cause.message : String(cause));
  }

  /** The message for `field`, if the problem names it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

/** True for the 412 answer to a write whose `If-Match` version is no longer current. */
export function isStaleEdit(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem && error.status === 412;
}
