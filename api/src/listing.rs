//! The plumbing every list shares: its paging parameters (`limit`, `cursor`, and for lists that
//! download, `format` and `bom`), checked together with the list's own parameters, and its
//! answer: one JSON page `{items, next_cursor, total}`, or every matching row streamed as CSV or
//! NDJSON through the same query. The `ETag`, `Link` and caching headers of a page are added by
//! [`crate::http::caching`] for every list alike.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::db::{self, DbConnection, Pool};
use crate::error::ApiError;
use crate::open_data::export::{self, Format, Sharing};
use crate::pagination::Cursor;
use crate::query::Checker;

/// The paging parameters of a list, as the client wrote them.
///
/// Read from the query string beside the list's own parameter struct, which still names them:
/// that struct refuses unknown parameters and documents every parameter in OpenAPI, so this
/// extractor never fails (a query string it cannot read is refused by that struct).
#[derive(Debug, Default)]
pub struct Paging {
    limit: Option<String>,
    cursor: Option<String>,
    format: Option<String>,
    bom: Option<String>,
    /// The `Accept` header, which chooses a download format when `format` is absent.
    accept: String,
}

/// The paging parameters' raw values in the query string.
#[derive(Default, Deserialize)]
struct RawPaging {
    limit: Option<String>,
    cursor: Option<String>,
    format: Option<String>,
    bom: Option<String>,
}

impl FromRequest for Paging {
    type Error = ApiError;
    type Future = Ready<Result<Paging, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let raw: RawPaging = serde_urlencoded::from_str(req.query_string()).unwrap_or_default();
        let accept = req
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        ready(Ok(Paging {
            limit: raw.limit,
            cursor: raw.cursor,
            format: raw.format,
            bom: raw.bom,
            accept,
        }))
    }
}

impl Paging {
    /// Checks `limit` and `cursor` of a list that answers JSON pages only. `check` holds the
    /// list's own parameter errors; all are reported together. `list` and `sort` name what a
    /// cursor must have been issued for.
    pub fn pages(
        self,
        check: Checker,
        list: &'static str,
        sort: &'static str,
    ) -> Result<PageRequest, ApiError> {
        self.checked(check, list, sort, false)
    }

    /// Checks `limit`, `format`, `bom` and `cursor` of a list that also downloads (the format
    /// comes from `format`, else from `Accept`).
    pub fn pages_or_download(
        self,
        check: Checker,
        list: &'static str,
        sort: &'static str,
    ) -> Result<PageRequest, ApiError> {
        self.checked(check, list, sort, true)
    }

    fn checked(
        self,
        mut check: Checker,
        list: &'static str,
        sort: &'static str,
        downloads: bool,
    ) -> Result<PageRequest, ApiError> {
        let limit = check.limit(self.limit.as_deref());
        let format = if downloads {
            export::negotiate_accept(
                &mut check,
                self.format.as_deref(),
                self.bom.as_deref(),
                &self.accept,
            )
        } else {
            Format::Json
        };
        let cursor = check.finish(self.cursor.as_deref(), list, sort)?;
        Ok(PageRequest {
            limit,
            cursor,
            format,
            list,
            sort,
        })
    }
}

/// A checked request for a list: one page, or the whole list as a download.
#[derive(Debug)]
pub struct PageRequest {
    /// Rows per page.
    limit: i64,
    /// Where the page starts.
    cursor: Option<Cursor>,
    /// JSON page, or a download format.
    format: Format,
    /// The list and order a cursor is issued for.
    list: &'static str,
    sort: &'static str,
}

/// A page type declared with [`crate::page_type!`]: built from its rows, the next cursor and
/// the total.
pub trait ListPage<T>: Serialize {
    /// The page of `items`; `next_cursor` is `None` on the last page.
    fn new(items: Vec<T>, next_cursor: Option<String>, total: i64) -> Self;
}

/// Declares the response type of one list: `{ "items": [...], "next_cursor": ..., "total": N }`.
#[macro_export]
macro_rules! page_type {
    ($(#[$meta:meta])* $name:ident, $item:ty) => {
        $(#[$meta])*
        #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
        pub struct $name {
            /// The rows of this page.
            pub items: Vec<$item>,
            /// Pass as `cursor` to get the next page; `null` on the last page.
            pub next_cursor: Option<String>,
            /// How many rows match the filters, over all pages.
            pub total: i64,
        }

        impl $crate::listing::ListPage<$item> for $name {
            fn new(items: Vec<$item>, next_cursor: Option<String>, total: i64) -> $name {
                $name {
                    items,
                    next_cursor,
                    total,
                }
            }
        }
    };
}

/// Declares the query parameters of a list: its own fields, then `limit` and `cursor`, and with
/// `downloads` also `format` and `bom`. Unknown parameters are refused, and every parameter is
/// documented in OpenAPI; [`Paging`] reads the paging ones.
#[macro_export]
macro_rules! list_query {
    ($(#[$meta:meta])* $name:ident { $($fields:tt)* }) => {
        $crate::list_query!(@struct $(#[$meta])* $name { $($fields)* } {});
    };
    ($(#[$meta:meta])* $name:ident { $($fields:tt)* } downloads) => {
        $crate::list_query!(@struct $(#[$meta])* $name { $($fields)* } {
            /// `csv` or `ndjson`: download every matching row, streamed, without the page limit
            /// (`limit` and `cursor` are then ignored). Also chosen by `Accept: text/csv` or
            /// `Accept: application/x-ndjson`. Default `json`: one page.
            #[param(value_type = Option<$crate::open_data::export::ExportFormat>)]
            pub format: Option<String>,
            /// With CSV, `true` starts the file with a UTF-8 byte-order mark so that spreadsheet
            /// programs show Thai text correctly.
            #[param(value_type = Option<bool>)]
            pub bom: Option<String>,
        });
    };
    (@struct $(#[$meta:meta])* $name:ident { $($fields:tt)* } { $($downloads:tt)* }) => {
        $(#[$meta])*
        #[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
        #[serde(deny_unknown_fields)]
        #[into_params(parameter_in = Query)]
        pub struct $name {
            $($fields)*
            /// Page size, 1 to 200 (default 50).
            #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
            pub limit: Option<String>,
            /// Opaque cursor from a previous page's `next_cursor`.
            pub cursor: Option<String>,
            $($downloads)*
        }
    };
}

crate::list_query! {
    /// The parameters of a list that has only paging.
    PageQuery {}
}

crate::list_query! {
    /// The parameters of a list that has only paging and downloads.
    PublicPageQuery {} downloads
}

/// The name and CSV columns of a list's download, whether it is the same for every caller, and
/// how many rows each step reads.
#[derive(Debug, Clone, Copy)]
pub struct Download {
    name: &'static str,
    columns: &'static [&'static str],
    sharing: Sharing,
    rows_per_step: i64,
}

impl Download {
    /// The download `name` (the file name, without extension) with the CSV `columns` (fields of
    /// a row, nested ones by dotted path). With [`Sharing::Everyone`] the rows are the same for
    /// every caller allowed to ask (the handler has checked the caller's access), so a kept copy
    /// may answer the next caller. Rows are read [`export::CHUNK`] at a time.
    pub fn new(name: &'static str, columns: &'static [&'static str], sharing: Sharing) -> Download {
        Download {
            name,
            columns,
            sharing,
            rows_per_step: export::CHUNK,
        }
    }

    /// The same download read `rows` at a time.
    pub fn in_steps_of(self, rows: i64) -> Download {
        Download {
            rows_per_step: rows,
            ..self
        }
    }
}

/// A list query that reads one page (or one step of a download) from a cursor: the rows, and
/// the cursor of the next page.
pub type Rows<T> = Result<(Vec<T>, Option<String>), ApiError>;

/// A list query that reads one page and the total over all pages.
pub type CountedRows<T> = Result<(Vec<T>, Option<String>, i64), ApiError>;

impl PageRequest {
    /// Whether the whole list is to be downloaded rather than one page answered.
    pub fn is_download(&self) -> bool {
        self.format.is_export()
    }

    /// Reads one page and its total with `read(conn, limit, cursor)`.
    pub async fn page<P, T, F>(self, pool: &Pool, read: F) -> Result<P, ApiError>
    where
        P: ListPage<T>,
        T: Send + 'static,
        F: FnOnce(&mut DbConnection, i64, Option<&Cursor>) -> CountedRows<T> + Send + 'static,
    {
        let PageRequest { limit, cursor, .. } = self;
        let (items, next_cursor, total) =
            db::run(pool, move |conn| read(conn, limit, cursor.as_ref())).await?;
        Ok(P::new(items, next_cursor, total))
    }

    /// Streams every row of the list, reading it in steps with `step(conn, limit, cursor)`.
    pub fn download<T, S>(
        self,
        req: &HttpRequest,
        pool: &Pool,
        download: Download,
        mut step: S,
    ) -> HttpResponse
    where
        T: Serialize + Send + 'static,
        S: FnMut(&mut DbConnection, i64, Option<&Cursor>) -> Rows<T> + Send + 'static,
    {
        let (list, sort) = (self.list, self.sort);
        export::stream(
            req,
            pool,
            self.format,
            download.name,
            download.columns,
            download.sharing,
            Box::new(move |conn, raw| {
                let cursor = raw.map(|r| Cursor::decode(r, list, sort)).transpose()?;
                step(conn, download.rows_per_step, cursor.as_ref())
            }),
        )
    }

    /// Answers one JSON page of a list that does not download.
    pub async fn answer_public<P, T, F>(
        self,
        pool: &Pool,
        read: F,
    ) -> Result<HttpResponse, ApiError>
    where
        P: ListPage<T>,
        T: Send + 'static,
        F: FnOnce(&mut DbConnection, i64, Option<&Cursor>) -> CountedRows<T> + Send + 'static,
    {
        let page: P = self.page(pool, read).await?;
        Ok(HttpResponse::Ok().json(page))
    }

    /// Answers one JSON page that concerns its caller alone (accounts, keys, the audit log),
    /// marked so that no cache keeps it.
    pub async fn answer_private<P, T, F>(
        self,
        pool: &Pool,
        read: F,
    ) -> Result<HttpResponse, ApiError>
    where
        P: ListPage<T>,
        T: Send + 'static,
        F: FnOnce(&mut DbConnection, i64, Option<&Cursor>) -> CountedRows<T> + Send + 'static,
    {
        let mut answer = self.answer_public::<P, T, F>(pool, read).await?;
        answer.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
        Ok(answer)
    }

    /// Answers a list that also downloads: the page read by `read(conn, limit, cursor)`, or, for
    /// `format=csv` or `ndjson`, every row read in steps by the same query (its totals unused).
    pub async fn answer<P, T, F>(
        self,
        req: &HttpRequest,
        pool: &Pool,
        download: Download,
        read: F,
    ) -> Result<HttpResponse, ApiError>
    where
        P: ListPage<T>,
        T: Serialize + Send + 'static,
        F: Fn(&mut DbConnection, i64, Option<&Cursor>) -> CountedRows<T> + Clone + Send + 'static,
    {
        let step = read.clone();
        self.answer_with_steps::<P, T, _, _>(
            req,
            pool,
            download,
            read,
            move |conn, limit, cursor| {
                step(conn, limit, cursor).map(|(items, next, _)| (items, next))
            },
        )
        .await
    }

    /// Answers a list that also downloads and has a cheaper query for download steps: the page
    /// read by `read`, or every row read in steps by `step`, which skips the total.
    pub async fn answer_with_steps<P, T, F, S>(
        self,
        req: &HttpRequest,
        pool: &Pool,
        download: Download,
        read: F,
        step: S,
    ) -> Result<HttpResponse, ApiError>
    where
        P: ListPage<T>,
        T: Serialize + Send + 'static,
        F: FnOnce(&mut DbConnection, i64, Option<&Cursor>) -> CountedRows<T> + Send + 'static,
        S: FnMut(&mut DbConnection, i64, Option<&Cursor>) -> Rows<T> + Send + 'static,
    {
        if self.is_download() {
            return Ok(self.download(req, pool, download, step));
        }
        self.answer_public::<P, T, F>(pool, read).await
    }
}
