//! Every failure the API reports, rendered as an RFC 9457 `application/problem+json` document
//! with a stable machine-readable `code`.

mod responses;

pub use responses::{
    CreateProblems, ItemListProblems, ItemProblems, ListProblems, UpdateProblems, WriteProblems,
};

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

/// The media type of every error response.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem: `urn:learning-city:problem:<code>`.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short, human-readable summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, in words.
    pub detail: String,
    /// A stable, machine-readable error code (snake_case); clients switch on this.
    pub code: String,
    /// The offending fields or parameters, when the problem is about input.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One invalid field or query parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// The field or parameter name.
    pub field: String,
    /// Why its value was refused.
    pub message: String,
}

impl FieldError {
    /// A field error for `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// The errors handlers return; each maps to one status and one stable code.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A named resource does not exist (or is not public).
    #[error("{0}")]
    NotFound(String),
    /// Query parameters were refused; every offending parameter is listed.
    #[error("invalid query parameters")]
    InvalidQuery(Vec<FieldError>),
    /// The paging cursor is not one this service issued for this list and sort.
    #[error("{0}")]
    InvalidCursor(String),
    /// A request that is wrong in a way with its own stable code.
    #[error("{detail}")]
    BadRequest {
        /// The stable code.
        code: &'static str,
        /// What was wrong.
        detail: String,
    },
    /// Input fields were refused (422); every offending field is listed.
    #[error("invalid fields")]
    Validation(Vec<FieldError>),
    /// Input was refused (422) for a reason with its own stable code; every offending part is
    /// listed.
    #[error("{code}")]
    Unprocessable {
        /// The stable code.
        code: &'static str,
        /// The offending parts.
        errors: Vec<FieldError>,
    },
    /// Any other refusal with its own status and stable code (401, 403, 409, 412, 413, 415,
    /// 429, ...).
    #[error("{detail}")]
    Refused {
        /// The HTTP status.
        status: StatusCode,
        /// The stable code.
        code: &'static str,
        /// What was wrong.
        detail: String,
        /// Seconds after which a retry may succeed (sent as `Retry-After`).
        retry_after: Option<u64>,
    },
    /// The database cannot be reached right now.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A bug or an unexpected failure; details go to the log, not to the client.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status, stable code and title of this error.
    fn parts(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found", "Not found"),
            ApiError::InvalidQuery(_) => (
                StatusCode::BAD_REQUEST,
                "invalid_query",
                "Invalid query parameters",
            ),
            ApiError::InvalidCursor(_) => {
                (StatusCode::BAD_REQUEST, "invalid_cursor", "Invalid cursor")
            }
            ApiError::BadRequest { code, .. } => (StatusCode::BAD_REQUEST, code, "Bad request"),
            ApiError::Validation(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "Invalid fields",
            ),
            ApiError::Unprocessable { code, .. } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                code,
                "Unprocessable input",
            ),
            ApiError::Refused { status, code, .. } => (
                *status,
                code,
                status.canonical_reason().unwrap_or("Refused"),
            ),
            ApiError::Unavailable(_) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "database_unavailable",
                "Service unavailable",
            ),
            ApiError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_error",
                "Internal server error",
            ),
        }
    }

    /// The problem document for this error.
    pub fn problem(&self) -> Problem {
        let (status, code, title) = self.parts();
        let (detail, errors) = match self {
            ApiError::InvalidQuery(errors)
            | ApiError::Validation(errors)
            | ApiError::Unprocessable { errors, .. } => (
                errors
                    .iter()
                    .map(|e| format!("{}: {}", e.field, e.message))
                    .collect::<Vec<_>>()
                    .join("; "),
                errors.clone(),
            ),
            ApiError::Unavailable(_) => (
                "The database is not reachable right now; try again shortly.".to_owned(),
                Vec::new(),
            ),
            ApiError::Internal(_) => (
                "An unexpected error occurred; it has been logged.".to_owned(),
                Vec::new(),
            ),
            other => (other.to_string(), Vec::new()),
        };
        Problem::new(status, code, title, detail).with_errors(errors)
    }
}

impl ApiError {
    /// A refusal with `status` and a stable `code`.
    pub fn refused(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        ApiError::Refused {
            status,
            code,
            detail: detail.into(),
            retry_after: None,
        }
    }

    /// 401: credentials missing or not valid.
    pub fn unauthorized(code: &'static str, detail: impl Into<String>) -> Self {
        Self::refused(StatusCode::UNAUTHORIZED, code, detail)
    }

    /// 403: authenticated, but not allowed to do this.
    pub fn forbidden(code: &'static str, detail: impl Into<String>) -> Self {
        Self::refused(StatusCode::FORBIDDEN, code, detail)
    }

    /// 409: the request conflicts with the current state.
    pub fn conflict(code: &'static str, detail: impl Into<String>) -> Self {
        Self::refused(StatusCode::CONFLICT, code, detail)
    }

    /// 429 with the seconds to wait.
    pub fn too_many_requests(detail: impl Into<String>, retry_after: u64) -> Self {
        ApiError::Refused {
            status: StatusCode::TOO_MANY_REQUESTS,
            code: "too_many_requests",
            detail: detail.into(),
            retry_after: Some(retry_after.max(1)),
        }
    }

    /// A single invalid field (422).
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        ApiError::Validation(vec![FieldError::new(field, message)])
    }
}

impl Problem {
    /// A problem with no field errors.
    pub fn new(status: StatusCode, code: &str, title: &str, detail: impl Into<String>) -> Self {
        Problem {
            problem_type: format!("urn:learning-city:problem:{code}"),
            title: title.to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            code: code.to_owned(),
            errors: Vec::new(),
        }
    }

    /// The same problem listing `errors`.
    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    /// The response carrying this problem.
    pub fn response(&self) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut builder = HttpResponse::build(status);
        builder.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        if status == StatusCode::SERVICE_UNAVAILABLE {
            builder.insert_header((header::RETRY_AFTER, "5"));
        }
        builder.json(self)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.parts().0
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            ApiError::Internal(msg) => tracing::error!(error = %msg, "internal error"),
            ApiError::Unavailable(msg) => tracing::warn!(error = %msg, "database unavailable"),
            _ => {}
        }
        let mut response = self.problem().response();
        let headers = response.headers_mut();
        match self {
            ApiError::Refused {
                retry_after: Some(secs),
                ..
            } => {
                headers.insert(header::RETRY_AFTER, header::HeaderValue::from(*secs));
            }
            ApiError::Refused { status, .. } if *status == StatusCode::UNAUTHORIZED => {
                headers.insert(
                    header::WWW_AUTHENTICATE,
                    header::HeaderValue::from_static("Bearer realm=\"learning-city\""),
                );
            }
            _ => {}
        }
        response
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(err: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match err {
            Error::NotFound => ApiError::NotFound("no such record".to_owned()),
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, info)
            | Error::DatabaseError(DatabaseErrorKind::UnableToSendCommand, info) => {
                ApiError::Unavailable(info.message().to_owned())
            }
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => ApiError::conflict(
                "duplicate",
                "a record with the same key was written at the same moment; fetch the current state",
            ),
            Error::DatabaseError(_, info) if is_transient(info.message()) => {
                ApiError::Unavailable(info.message().to_owned())
            }
            other => ApiError::Internal(other.to_string()),
        }
    }
}

/// Messages of database errors that go away by themselves (locks, lost connections).
fn is_transient(message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    [
        "database is locked",
        "database is busy",
        "server closed the connection",
        "connection refused",
        "terminating connection",
    ]
    .iter()
    .any(|needle| message.contains(needle))
}
