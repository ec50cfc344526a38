//! Archiving and restoring, the same for every archivable resource: nothing is deleted, an
//! archived record leaves the public reads, `If-Match` guards the archive, only an admin
//! restores, and both writes are audited with the record before and after.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;

use crate::audit;
use crate::auth::routes::STAFF;
use crate::auth::{Caller, Role, User};
use crate::db::{self, now, write_transaction, DbConnection, Pool};
use crate::error::ApiError;
use crate::http::etag;

/// A resource whose records are archived rather than deleted.
pub trait Archivable: Serialize + Send + Sized + 'static {
    /// What names a record in its URL: a slug or an id.
    type Key: Send + 'static;
    /// The record's name in the audit log and in messages (`city`).
    const ENTITY: &'static str;

    /// The record named `key` among the archived ones (`archived`) or the public ones, and
    /// its row version.
    fn find_versioned(
        conn: &mut DbConnection,
        key: &Self::Key,
        archived: bool,
    ) -> Result<(Self, i32), ApiError>;

    /// Sets the record's `archived_at` (clears it with `None`), bumps its version and stamps
    /// `updated_at`, only while its version is still `version`; the number of rows changed.
    fn mark(
        conn: &mut DbConnection,
        record: &Self,
        version: i32,
        archived_at: Option<chrono::NaiveDateTime>,
        at: chrono::NaiveDateTime,
    ) -> Result<usize, ApiError>;

    /// The record's id as the audit log names it.
    fn audit_id(&self) -> String;

    /// Refuses a restore that would break a rule (by default none does).
    fn may_restore(_conn: &mut DbConnection, _record: &Self) -> Result<(), ApiError> {
        Ok(())
    }
}

/// Archives the public record `key` (`archive`), or restores the archived one, in one
/// transaction: the `If-Match` check, the change and its audit entry.
pub fn set_archived<R: Archivable>(
    conn: &mut DbConnection,
    actor: &User,
    key: &R::Key,
    archive: bool,
    if_match: Option<&str>,
) -> Result<R, ApiError> {
    write_transaction(conn, |conn| {
        let (before, version) = R::find_versioned(conn, key, !archive)?;
        etag::check(if_match, &etag::of(&before)?)?;
        if !archive {
            R::may_restore(conn, &before)?;
        }
        let at = now();
        if R::mark(conn, &before, version, archive.then_some(at), at)? == 0 {
            return Err(etag::changed_meanwhile(R::ENTITY));
        }
        let (after, _) = R::find_versioned(conn, key, archive)?;
        let action = if archive { "archive" } else { "restore" };
        audit::record(
            conn,
            Some(actor),
            action,
            R::ENTITY,
            &after.audit_id(),
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// Answers `DELETE` on a record: admin and secretariat archive it (204), honouring `If-Match`.
pub async fn archive<R: Archivable>(
    req: &HttpRequest,
    pool: &Pool,
    caller: &Caller,
    key: R::Key,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(STAFF)?.clone();
    let if_match = etag::if_match(req);
    db::run(pool, move |conn| {
        set_archived::<R>(conn, &actor, &key, true, if_match.as_deref())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Answers `POST .../restore`: an admin restores an archived record (200 with it and its
/// `ETag`).
pub async fn restore<R: Archivable>(
    req: &HttpRequest,
    pool: &Pool,
    caller: &Caller,
    key: R::Key,
) -> Result<HttpResponse, ApiError> {
    let actor = caller.require(&[Role::Admin])?.clone();
    let record = db::run(pool, move |conn| {
        set_archived::<R>(conn, &actor, &key, false, None)
    })
    .await?;
    etag::respond(req, StatusCode::OK, &record)
}

/// Declares a resource's two handlers, `DELETE {path}` (archive) and `POST {path}/restore`,
/// with their OpenAPI operations: the doc comments before each name become its summary and
/// description, and `restore` may name responses beyond the usual ones in brackets. The
/// handlers live in a module of their own, `archive_handlers`, re-exported.
macro_rules! archive_routes {
    (
        $resource:ty, tag = $tag:tt, key = $key:tt: $key_ty:ty;
        $(#[doc = $archive_doc:tt])*
        $archive:ident = $path:tt, $key_doc:tt;
        $(#[doc = $restore_doc:tt])*
        $restore:ident = $restore_path:tt, $restore_key_doc:tt, [$($extra:tt)*];
    ) => {
        mod archive_handlers {
            use super::*;
            use actix_web::{delete, post};

            $(#[doc = $archive_doc])*
            #[utoipa::path(
                tag = $tag,
                security(("bearer" = [])),
                params(
                    ($key = $key_ty, Path, description = $key_doc),
                    ("If-Match" = Option<String>, Header, description = "The ETag the change is based on")
                ),
                responses((status = 204, description = "Archived"), $crate::error::WriteProblems)
            )]
            #[delete($path)]
            pub async fn $archive(
                req: actix_web::HttpRequest,
                pool: actix_web::web::Data<$crate::db::Pool>,
                caller: $crate::auth::Caller,
                key: actix_web::web::Path<$key_ty>,
            ) -> Result<actix_web::HttpResponse, $crate::error::ApiError> {
                $crate::archive::archive::<$resource>(&req, &pool, &caller, key.into_inner()).await
            }

            $(#[doc = $restore_doc])*
            #[utoipa::path(
                tag = $tag,
                security(("bearer" = [])),
                params(($key = $key_ty, Path, description = $restore_key_doc)),
                responses(
                    (status = 200, description = "Restored", body = $resource, headers(("ETag" = String))),
                    $($extra)*
                    $crate::error::WriteProblems
                )
            )]
            #[post($restore_path)]
            pub async fn $restore(
                req: actix_web::HttpRequest,
                pool: actix_web::web::Data<$crate::db::Pool>,
                caller: $crate::auth::Caller,
                key: actix_web::web::Path<$key_ty>,
            ) -> Result<actix_web::HttpResponse, $crate::error::ApiError> {
                $crate::archive::restore::<$resource>(&req, &pool, &caller, key.into_inner()).await
            }
        }
        pub use archive_handlers::*;
    };
}
pub(crate) use archive_routes as routes;
