//! The problem responses an operation declares in the OpenAPI document, one set for each kind
//! of operation; every one is an RFC 9457 [`Problem`](super::Problem). Each answer is written
//! once below, and a set names the answers it gives.

use std::collections::BTreeMap;

use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::IntoResponses;

/// One answer: its HTTP status and what it means (with the problem codes it carries).
type Answer = (u16, &'static str);

const INVALID_QUERY: Answer = (
    400,
    "Invalid query parameters (`invalid_query`) or cursor (`invalid_cursor`).",
);
const NO_QUERY: Answer = (
    400,
    "Query parameters given where none are accepted (`invalid_query`).",
);
const MALFORMED_JSON: Answer = (400, "The body is not JSON (`malformed_json`).");
const FORBIDDEN: Answer = (403, "The role may not do this (`forbidden`).");
const FORBIDDEN_FIELD: Answer = (
    403,
    "The role may not do this, or not to this record or field (`forbidden`, `forbidden_field`).",
);
const NOT_PUBLIC: Answer = (404, "No public resource with that key (`not_found`).");
const NO_PUBLIC_PARENT: Answer = (
    404,
    "No public parent resource with that key (`not_found`).",
);
const NO_SUCH_RECORD: Answer = (404, "No such record (`not_found`).");
const CONFLICTS_ON_CREATE: Answer = (
    409,
    "The record conflicts with an existing one (`slug_taken`, `duplicate`).",
);
const CONFLICTS_ON_UPDATE: Answer = (
    409,
    "The change conflicts with an existing record (`slug_taken`, `duplicate`).",
);
const STALE: Answer = (
    412,
    "`If-Match` names an older version (`precondition_failed`); nothing was changed.",
);
const TOO_LARGE: Answer = (413, "The body is too large (`payload_too_large`).");
const NOT_JSON: Answer = (
    415,
    "The body is not sent as JSON (`unsupported_media_type`).",
);
const INVALID_FIELDS: Answer = (
    422,
    "Invalid fields, all listed in `errors` (`validation_failed`).",
);
const UNAVAILABLE_READ: Answer = (
    503,
    "The database is unreachable (`database_unavailable`); retry after `Retry-After` seconds.",
);
const UNAVAILABLE_WRITE: Answer = (503, "The database is unreachable (`database_unavailable`).");

/// The OpenAPI responses of a set of answers, each with a `Problem` body.
fn responses(answers: &[Answer]) -> BTreeMap<String, RefOr<Response>> {
    answers
        .iter()
        .map(|(status, description)| {
            let content = ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build();
            let response = ResponseBuilder::new()
                .description(*description)
                .content("application/problem+json", content)
                .build();
            (status.to_string(), RefOr::T(response))
        })
        .collect()
}

/// Declares sets of problem responses, each a list of the answers above.
macro_rules! problem_sets {
    ($($(#[$meta:meta])* $name:ident = [$($answer:ident),+];)+) => {$(
        $(#[$meta])*
        pub struct $name;

        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                responses(&[$($answer),+])
            }
        }
    )+};
}

problem_sets! {
    /// Problem responses of a list operation.
    ListProblems = [INVALID_QUERY, UNAVAILABLE_READ];
    /// Problem responses of a single-resource read.
    ItemProblems = [NO_QUERY, NOT_PUBLIC, UNAVAILABLE_READ];
    /// Problem responses of a list under a single resource.
    ItemListProblems = [INVALID_QUERY, NO_PUBLIC_PARENT, UNAVAILABLE_READ];
    /// Problem responses of a create.
    CreateProblems = [
        MALFORMED_JSON, FORBIDDEN, CONFLICTS_ON_CREATE, TOO_LARGE, NOT_JSON, INVALID_FIELDS,
        UNAVAILABLE_WRITE
    ];
    /// Problem responses of a partial update.
    UpdateProblems = [
        MALFORMED_JSON, FORBIDDEN_FIELD, NO_SUCH_RECORD, CONFLICTS_ON_UPDATE, STALE, TOO_LARGE,
        NOT_JSON, INVALID_FIELDS, UNAVAILABLE_WRITE
    ];
    /// Problem responses of a write without a body (archive, restore, revoke, deactivate).
    WriteProblems = [FORBIDDEN, NO_SUCH_RECORD, STALE, UNAVAILABLE_WRITE];
}
