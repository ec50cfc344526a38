//! Which database a read goes to. With a read replica configured (`DATABASE_READ_URL`), public
//! reads (anonymous or API-key callers) are served by it; a signed-in user's reads stay on the
//! primary, so that whoever writes always reads their own writes. Writes always take the
//! primary [`Pool`] directly.

use std::future::{ready, Ready};
use std::ops::Deref;

use actix_web::{web, FromRequest, HttpMessage, HttpRequest};

use super::Pool;
use crate::error::ApiError;

/// The pool of the streaming replica, when one is configured.
#[derive(Clone)]
pub struct ReplicaPool(pub Pool);

/// Set in a request's extensions (by the authentication middleware) when a signed-in user
/// makes it: its reads stay on the primary.
#[derive(Debug, Clone, Copy)]
pub struct ReadsOwnWrites;

/// The pool a read handler uses, chosen per request (see the module documentation).
pub struct ReadPool(Pool);

impl ReadPool {
    /// The pool for a request: the replica for public callers when there is one, else the
    /// primary.
    pub fn for_request(req: &HttpRequest) -> Result<ReadPool, ApiError> {
        if req.extensions().get::<ReadsOwnWrites>().is_none() {
            if let Some(replica) = req.app_data::<web::Data<ReplicaPool>>() {
                return Ok(ReadPool(replica.0.clone()));
            }
        }
        req.app_data::<web::Data<Pool>>()
            .map(|pool| ReadPool(pool.get_ref().clone()))
            .ok_or_else(|| ApiError::Internal("database pool missing".to_owned()))
    }
}

impl Deref for ReadPool {
    type Target = Pool;

    fn deref(&self) -> &Pool {
        &self.0
    }
}

impl FromRequest for ReadPool {
    type Error = ApiError;
    type Future = Ready<Result<ReadPool, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(ReadPool::for_request(req))
    }
}
