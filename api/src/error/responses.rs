//! The problem responses an operation declares in the OpenAPI document, one set for each kind
//! of operation; every one is an RFC 9457 [`Problem`].

use super::Problem;

/// Declares sets of problem responses, one line a status: `Variant = status: "what it means"`,
/// each with a [`Problem`] body.
macro_rules! problem_responses {
    ($(
        $(#[$meta:meta])*
        $name:ident {
            $($variant:ident = $status:tt: $doc:tt,)+
        }
    )+) => {$(
        $(#[$meta])*
        #[derive(utoipa::IntoResponses)]
        pub enum $name {
            $(
                #[doc = $doc]
                #[response(status = $status, content_type = "application/problem+json")]
                $variant(#[to_schema] Problem),
            )+
        }
    )+};
}

problem_responses! {
    /// Problem responses of a list operation.
    ListProblems {
        BadRequest = 400: "Invalid query parameters (`invalid_query`) or cursor (`invalid_cursor`).",
        Unavailable = 503: "The database is unreachable (`database_unavailable`); retry after `Retry-After` seconds.",
    }

    /// Problem responses of a single-resource read.
    ItemProblems {
        BadRequest = 400: "Query parameters given where none are accepted (`invalid_query`).",
        NotFound = 404: "No public resource with that key (`not_found`).",
        Unavailable = 503: "The database is unreachable (`database_unavailable`); retry after `Retry-After` seconds.",
    }

    /// Problem responses of a list under a single resource.
    ItemListProblems {
        BadRequest = 400: "Invalid query parameters (`invalid_query`) or cursor (`invalid_cursor`).",
        NotFound = 404: "No public parent resource with that key (`not_found`).",
        Unavailable = 503: "The database is unreachable (`database_unavailable`); retry after `Retry-After` seconds.",
    }

    /// Problem responses of a create.
    CreateProblems {
        BadRequest = 400: "The body is not JSON (`malformed_json`).",
        Forbidden = 403: "The role may not do this (`forbidden`).",
        Conflict = 409: "The record conflicts with an existing one (`slug_taken`, `duplicate`).",
        TooLarge = 413: "The body is too large (`payload_too_large`).",
        MediaType = 415: "The body is not sent as JSON (`unsupported_media_type`).",
        Invalid = 422: "Invalid fields, all listed in `errors` (`validation_failed`).",
        Unavailable = 503: "The database is unreachable (`database_unavailable`).",
    }

    /// Problem responses of a partial update.
    UpdateProblems {
        BadRequest = 400: "The body is not JSON (`malformed_json`).",
        Forbidden = 403: "The role may not do this, or not to this record or field (`forbidden`, `forbidden_field`).",
        NotFound = 404: "No such record (`not_found`).",
        Conflict = 409: "The change conflicts with an existing record (`slug_taken`, `duplicate`).",
        Stale = 412: "`If-Match` names an older version (`precondition_failed`); nothing was changed.",
        TooLarge = 413: "The body is too large (`payload_too_large`).",
        MediaType = 415: "The body is not sent as JSON (`unsupported_media_type`).",
        Invalid = 422: "Invalid fields, all listed in `errors` (`validation_failed`).",
        Unavailable = 503: "The database is unreachable (`database_unavailable`).",
    }

    /// Problem responses of a write without a body (archive, restore, revoke, deactivate).
    WriteProblems {
        Forbidden = 403: "The role may not do this (`forbidden`).",
        NotFound = 404: "No such record (`not_found`).",
        Stale = 412: "`If-Match` names an older version (`precondition_failed`); nothing was changed.",
        Unavailable = 503: "The database is unreachable (`database_unavailable`).",
    }
}
